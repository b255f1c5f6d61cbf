/**
 * nps4j account map: per-account role coverage and risk flags, revenue at risk, the channel view, the follow-up
 * queue for closing the loop, the survey planner and SVG pictures of accounts and portfolios.
 *
 * @since 0.1.0
 */
module io.github.nps4j.accountmap {
    requires static transitive org.jspecify;
    requires transitive io.github.nps4j.core;

    exports io.github.nps4j.accountmap;
    exports io.github.nps4j.accountmap.followup;
    exports io.github.nps4j.accountmap.planner;
    exports io.github.nps4j.accountmap.svg;
}
