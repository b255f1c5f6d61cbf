/**
 * nps4j core: the B2B Net Promoter domain model, classification, weighting, grouped scoring, statistics
 * (intervals, comparisons, trends, Bayesian shrinkage) and CSV import.
 *
 * @since 0.1.0
 */
module io.github.nps4j.core {
    requires static transitive org.jspecify;
    requires org.apache.commons.csv;
    requires org.slf4j;
    requires org.apache.commons.statistics.distribution;

    exports io.github.nps4j.core;
    exports io.github.nps4j.core.compare;
    exports io.github.nps4j.core.csv;
    exports io.github.nps4j.core.stats;
    exports io.github.nps4j.core.table;
    exports io.github.nps4j.core.themes;
    // not API: the response codes (ResponseCodes) and rating columns (CompactResponses) that let the account map and
    // driver analysis walk a large portfolio without making a Response per row
    exports io.github.nps4j.core.internal to io.github.nps4j.accountmap, io.github.nps4j.drivers;
}
