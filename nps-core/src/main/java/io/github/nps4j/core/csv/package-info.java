/**
 * CSV import: reads a {@link io.github.nps4j.core.Portfolio} from the files of the nps4j command-line contract. The
 * entry point is {@link io.github.nps4j.core.csv.PortfolioReader}.
 *
 * <h2>Files and columns</h2>
 * <table>
 * <caption>The four files</caption>
 * <tr><th>file</th><th>required columns</th><th>optional columns</th></tr>
 * <tr><td>{@code responses.csv}</td><td>{@code response_id, account_id, contact_id, answered_at, score}</td>
 * <td>{@code role, episode, comment}, any number of {@code attr:<name>} and {@code competitor:<name>}</td></tr>
 * <tr><td>{@code accounts.csv}</td><td>{@code account_id}</td>
 * <td>{@code name, tier, parent_id, annual_value, owner}, any number of {@code seg:<name>}</td></tr>
 * <tr><td>{@code contacts.csv}</td><td>{@code contact_id, account_id, role}</td><td>{@code function}</td></tr>
 * <tr><td>{@code invitations.csv}</td><td>{@code contact_id, invited_at}</td><td>{@code episode}</td></tr>
 * </table>
 *
 * <p>Columns may come in any order. Header names are matched after stripping surrounding blanks, case-sensitively;
 * a {@link io.github.nps4j.core.csv.ColumnMapping} renames them for exports that use other names (entries prefixed
 * {@code accounts.}, {@code contacts.}, {@code invitations.} map one file). A
 * {@link io.github.nps4j.core.csv.ReadOptions} holds the whole reader configuration — survey-tool preset, mapping,
 * delimiter, charset, date formats, number locale, role and tier aliases, strict or lenient — and is used alike by
 * {@link io.github.nps4j.core.csv.PortfolioReader#of} and {@link io.github.nps4j.core.csv.StreamingScorer}. Columns nps4j does
 * not know are ignored. A required column that is missing, or a used column that appears twice, is an error naming
 * the file and the column.
 *
 * <h2>Format</h2>
 * <ul>
 * <li>UTF-8 by default (or the options' charset, e.g. {@code windows-1252}), with or without a byte-order mark; line
 * ends CRLF or LF; RFC 4180 quoting (fields in double quotes may hold delimiters, line breaks and doubled quotes
 * {@code ""}); the delimiter {@code ,}, {@code ;} or tab is detected from the header row unless given.</li>
 * <li>The first non-blank line is the header. Blank lines are skipped. Every other row must have as many fields as
 * the header.</li>
 * <li>Values are stripped of surrounding blanks, except comments, which are kept exactly as written (a blank
 * comment is no comment).</li>
 * </ul>
 *
 * <h2>Values</h2>
 * <ul>
 * <li>{@code score}: an integer 0–10 ({@code 9.0} is read as 9); fractional, out-of-range or non-numeric scores are
 * errors, never clamped. A <b>blank score is a skipped question</b>: the row is left out and counted in
 * {@link io.github.nps4j.core.csv.ImportReport#blankScores()}. Under the SurveyMonkey preset the scale-end labels
 * {@code 0 - Not at all likely} and {@code 10 - Extremely likely} read as 0 and 10.</li>
 * <li>{@code answered_at}: an ISO-8601 date ({@code 2026-03-14}, read as the start of the day) or date-time
 * ({@code 2026-03-14T10:15:30}, seconds optional, a space instead of {@code T} accepted), or one of the options' date
 * formats (e.g. {@code dd.MM.yyyy}). An offset or zone
 * ({@code Z}, {@code +02:00}) is allowed and ignored: the local date-time is kept as written, with no time-zone
 * shift, so periods are those of the source system. {@code invited_at} is read the same way and keeps the date.</li>
 * <li>{@code role}, {@code episode}, {@code tier}: names of the open vocabularies, normalised to lowercase-hyphen
 * ({@code Decision Maker} → {@code decision-maker}); roles go through the role policy's aliases (the built-in CRM
 * words of {@link io.github.nps4j.core.RolePolicy#crmAliases()} by default: {@code Economic Buyer} →
 * {@code decision-maker}, {@code Champion} → {@code influencer}, …) and tiers through the tier aliases. A role that
 * maps to nothing known is kept and counted in {@link io.github.nps4j.core.csv.ImportReport#unknownRoles()}, or is a
 * bad row under strict roles. A blank episode is {@code relationship}, a blank tier
 * {@code direct}. A blank response role is not an error: the role is taken from the contact in
 * {@code contacts.csv}, and stays empty when no contacts file is given or the contact has none. A contact's role
 * must not be blank.</li>
 * <li>{@code attr:<name>}: a decimal number ({@code 7}, {@code 7.5}, {@code -1e2}); blank means the rating is
 * missing. {@code NaN}, {@code Infinity} and other non-numeric text are errors.</li>
 * <li>{@code competitor:<name>}: the respondent's 0–10 score of a competitor, read as {@code score} is; blank means
 * the respondent did not rate that competitor ({@link io.github.nps4j.core.Response#competitorScores()}). The
 * streaming scorer checks these columns (and {@code attr:} ones) as the reader does but keeps no value.</li>
 * <li>{@code annual_value} and {@code attr:} values are read in the options' number locale when one is given
 * ({@code de-DE}: {@code 1.200.000,50}). {@code annual_value}: a decimal number {@code >= 0}; blank means unknown. {@code seg:<name>}: any text; blank
 * means the account is not tagged.</li>
 * </ul>
 *
 * <h2>Bad rows</h2>
 * A row is bad when an id is blank or repeats one of an earlier row of its file ({@code response_id},
 * {@code account_id}, {@code contact_id}), when a value above cannot be read, when it refers to an account or contact
 * that the accounts or contacts file (if given) does not have, when a response's account differs from its contact's
 * account, when an account's {@code parent_id} names no account of the file (or itself), or when it has the wrong
 * number of fields. Each bad row is one {@link io.github.nps4j.core.csv.RowError} giving the file, the physical line
 * on which the row starts, the field, the value and the reason. In
 * {@link io.github.nps4j.core.csv.PortfolioReader.Mode#STRICT strict} mode (the default) the first one is thrown as a
 * {@link io.github.nps4j.core.csv.CsvFormatException}; in
 * {@link io.github.nps4j.core.csv.PortfolioReader.Mode#LENIENT lenient} mode bad rows are skipped and returned in
 * {@link io.github.nps4j.core.csv.ReadResult#errors()}; rows that refer to a skipped row are then bad too, and
 * {@link io.github.nps4j.core.csv.ImportReport#notes()} says what the skipped rows leave out (an account dropped for a
 * bad {@code annual_value} is named: revenue at risk is incomplete without it).
 *
 * <p>Comments are personal data: their text never appears in an exception message or a
 * {@link io.github.nps4j.core.csv.RowError}. This package does not log.
 *
 * <h2>Example usage</h2>
 * <pre>{@code
 * ReadResult result = PortfolioReader.builder()
 *         .mode(PortfolioReader.Mode.LENIENT)
 *         .columnMapping(ColumnMapping.parse("score=Q1_NPS,account_id=ExternalReference"))
 *         .build()
 *         .read(Path.of("responses.csv"), Path.of("accounts.csv"), Path.of("contacts.csv"), null);
 * for (RowError e : result.errors()) {
 *     System.err.println(e.message());
 * }
 * Portfolio portfolio = result.portfolio();
 * }</pre>
 *
 * <p>Nulls are not accepted unless a parameter is annotated {@code @Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.core.csv;

import org.jspecify.annotations.NullMarked;
