/**
 * nps4j on Apache Spark: scoring at data-lake scale with the same {@link io.github.nps4j.core.ScoringSpec} and the
 * same figures as the core's engines, and driver analysis from moments aggregated in Spark.
 *
 * <p>Entry point: {@link io.github.nps4j.spark.NpsSpark} — {@code score(responses, accounts, contacts, spec)}
 * returns a Dataset of per-group figures (overall row with null keys), {@code driverMoments(...)} returns the
 * {@link io.github.nps4j.drivers.DriverMoments} from which OLS, exact LMG and Johnson are computed locally. The
 * building blocks are typed {@link org.apache.spark.sql.expressions.Aggregator}s over the core's mergeable
 * accumulators: {@link io.github.nps4j.spark.TallyAggregator} ({@link io.github.nps4j.core.Tally}) and
 * {@link io.github.nps4j.spark.ClusteredTallyAggregator}
 * ({@link io.github.nps4j.core.stats.ClusteredTally}). {@link io.github.nps4j.spark.NpsSparkLauncher} is the main
 * class of the {@code bin/nps-spark} launcher.
 *
 * <p>Spark is a {@code provided} dependency (4.x, Scala 2.13): the application or cluster supplies it. Spark is not
 * a JPMS module, so neither is this artifact: its jar names itself {@code io.github.nps4j.spark} in
 * {@code Automatic-Module-Name}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.spark;

import org.jspecify.annotations.NullMarked;
