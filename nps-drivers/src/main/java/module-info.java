/**
 * nps4j drivers: which experiences move the score. Correlations, OLS, relative importance (exact LMG/Shapley,
 * Johnson's relative weights, Pratt, first, last, betasq, CAR), logistic models for promoters and detractors,
 * importance–performance quadrants, what-if simulation and bootstrap intervals.
 *
 * @since 0.1.0
 */
module io.github.nps4j.drivers {
    requires static transitive org.jspecify;
    requires transitive io.github.nps4j.core;
    requires org.slf4j;
    requires org.apache.commons.math4.legacy;
    requires org.apache.commons.statistics.distribution;

    exports io.github.nps4j.drivers;
}
