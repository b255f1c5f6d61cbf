/**
 * nps4j readout: the whole portfolio readout — relationship NPS with intervals by role and tier, account-count and
 * revenue-weighted NPS, the quarterly trend, accounts at risk with revenue at risk, key drivers with a what-if, the
 * follow-up queue and the next survey invitations, comment themes, competitors and loyalty economics, with the rules
 * used — as one typed model.
 *
 * @since 0.1.0
 */
module io.github.nps4j.readout {
    requires static org.jspecify;
    requires transitive io.github.nps4j.core;
    requires transitive io.github.nps4j.accountmap;
    requires transitive io.github.nps4j.drivers;

    exports io.github.nps4j.readout;
    exports io.github.nps4j.readout.economics;
}
