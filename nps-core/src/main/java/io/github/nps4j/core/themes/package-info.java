/**
 * Comment themes: the "why" behind a score, coded by a codebook of phrases.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>A {@link io.github.nps4j.core.themes.Codebook} maps each theme to phrases (a CSV {@code theme,pattern}, a pattern
 * being phrases separated by {@code |}, several rows per theme allowed). A phrase matches a comment case-insensitively,
 * Unicode-aware (both NFC-normalised, Unicode case folding of single characters), on word boundaries: "ticket" does
 * not match "ticketing"; blanks inside a phrase match any run of white space.</li>
 * <li>{@link io.github.nps4j.core.themes.ThemeAnalysis} scores, over the responses with a comment, each theme's
 * mentions, its share of commenters, the NPS of commenters mentioning it against those not mentioning it (an unpaired
 * Wald test of two independent groups) and the detractor share among mentions, overall and per group; and counts the
 * uncoded comments with a few truncated examples for codebook work.</li>
 * <li>Comments are personal data: nothing here logs, and the report's {@code toString} leaves the examples out.</li>
 * </ul>
 *
 * <p>Example usage:
 * <pre>{@code
 * Codebook book = Codebook.read(Path.of("codebook.csv"));
 * ThemeReport report = ThemeAnalysis.of(book).analyse(portfolio.responses());
 * }</pre>
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package io.github.nps4j.core.themes;
