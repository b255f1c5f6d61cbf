/**
 * Columnar scoring for tens of millions of answers: a {@link io.github.nps4j.core.table.ResponseTable} holds
 * responses in primitive arrays (16 bytes per response, dictionary-encoded ids and names) and a
 * {@link io.github.nps4j.core.table.TableScorer} scores it grouped and weighted, on one thread or several, with the
 * same results as {@link io.github.nps4j.core.NpsScorer} on the response objects (counts exactly, weight sums and
 * NPS to 1e-12 relative). Results are {@link io.github.nps4j.core.GroupedEstimates}, as from
 * {@code io.github.nps4j.core.csv.StreamingScorer}, which scores a CSV file too large for memory.
 *
 * <h2>Example usage</h2>
 * <pre>{@code
 * ResponseTable table = ResponseTable.of(portfolio.responses(), portfolio.accounts());
 * GroupedEstimates byRole = TableScorer.builder()
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build()
 *         .scoreParallel(table, Runtime.getRuntime().availableProcessors());
 * byRole.group("decision-maker").ifPresent(e -> System.out.println(e.nps()));
 * }</pre>
 *
 * <p>For bulk loading, {@link io.github.nps4j.core.table.ResponseTable#appender} appends rows from primitive codes.
 * Nulls are not accepted unless a parameter is annotated {@code @Nullable}. Tables and scorers are immutable and
 * thread-safe; appenders are not.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.core.table;

import org.jspecify.annotations.NullMarked;
