/**
 * SVG pictures of account maps and of the portfolio overview.
 *
 * <p>{@link io.github.nps4j.accountmap.svg.SvgRenderer} writes standalone, well-formed SVG documents by hand: roles
 * as rows and contacts as marks coloured by category for one account, and the risk ranking with coverage by role for
 * the portfolio. Every text drawn is escaped (account names may contain {@code <}, {@code &} or quotes); there is no
 * script, no event attribute and no external reference.
 *
 * <p>Example usage:
 * <pre>{@code
 * AccountMap map = AccountMap.of(portfolio, asOf);
 * for (MappedAccount a : map.accounts()) {
 *     Files.writeString(Path.of(a.accountId() + ".svg"), SvgRenderer.account(a));
 * }
 * Files.writeString(Path.of("portfolio.svg"), SvgRenderer.portfolio(map));
 * }</pre>
 *
 * <p>Nulls are not accepted. Nothing here logs.
 */
@NullMarked
package io.github.nps4j.accountmap.svg;

import org.jspecify.annotations.NullMarked;
