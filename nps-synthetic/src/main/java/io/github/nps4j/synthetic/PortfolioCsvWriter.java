package io.github.nps4j.synthetic;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Writes a {@link Portfolio} as the input files of the {@code nps} command line: {@code accounts.csv}
 * ({@code account_id,name,tier,parent_id,annual_value,owner} then {@code seg:<name>} columns, then
 * {@code outcome:renewed,outcome:revenue_growth} when any account has an outcome), {@code contacts.csv}
 * ({@code contact_id,account_id,role,function}), {@code responses.csv}
 * ({@code response_id,account_id,contact_id,role,episode,answered_at,score,comment} then {@code attr:<name>} columns,
 * then {@code competitor:<name>} columns when any response rates a competitor) and {@code invitations.csv}
 * ({@code contact_id,invited_at,episode}).
 *
 * <p>The files are UTF-8 without byte-order mark, with a header row, LF line endings and RFC 4180 quoting (a field is
 * quoted when it holds a comma, a double quote, a CR or LF, or leading or trailing blanks; quotes are doubled). The
 * columns come in a fixed order, then one {@code attr:<name>} column per rated attribute (responses) or one
 * {@code seg:<name>} column per segment tag (accounts), sorted by name; a missing value is an empty field. Numbers
 * are written in plain decimal notation that reads back to the same {@code double} ({@code 7}, {@code 125300},
 * {@code 0.25}); dates are ISO-8601 ({@code 2026-03-14}), answer times {@code 2026-03-14T09:27:05}.
 *
 * <p><strong>No formula-injection protection.</strong> These files are data for the nps4j CSV reader, not reports for
 * spreadsheets: a comment such as {@code =HYPERLINK("http://x","y")} is written verbatim (quoted if needed) so that it
 * reads back unchanged. Never open them in a spreadsheet program as trusted content; reports meant for spreadsheets
 * are written elsewhere with protection.
 *
 * <p>Output is a pure function of the input: the same portfolio always gives the same bytes. Example usage:
 * <pre>{@code
 * PortfolioCsvWriter.write(SyntheticPortfolio.builder().seed(7).build().portfolio(), Path.of("out"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PortfolioCsvWriter {
    /** The name of the accounts file: {@value}. */
    public static final String ACCOUNTS_FILE = "accounts.csv";
    /** The name of the contacts file: {@value}. */
    public static final String CONTACTS_FILE = "contacts.csv";
    /** The name of the responses file: {@value}. */
    public static final String RESPONSES_FILE = "responses.csv";
    /** The name of the invitations file: {@value}. */
    public static final String INVITATIONS_FILE = "invitations.csv";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private PortfolioCsvWriter() {
    }

    /**
     * Writes the four files into a directory, creating it if needed and replacing files of the same names.
     *
     * @param portfolio the portfolio
     * @param dir the directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void write(Portfolio portfolio, Path dir) {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ACCOUNTS_FILE), accountsCsv(portfolio.accounts()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CONTACTS_FILE), contactsCsv(portfolio.contacts()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RESPONSES_FILE), responsesCsv(portfolio.responses()),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(INVITATIONS_FILE), invitationsCsv(portfolio.invitations()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV files to " + dir, e);
        }
    }

    /**
     * Formats accounts: {@code account_id,name,tier,parent_id,annual_value,owner}, then {@code seg:<name>} columns,
     * then — when any account has an outcome — {@code outcome:renewed} ({@code true}, {@code false} or blank when
     * unknown) and {@code outcome:revenue_growth} (a fraction, blank when unknown).
     *
     * @param accounts the accounts, written in the order given
     * @return the CSV text
     */
    public static String accountsCsv(List<Account> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        TreeSet<String> segments = new TreeSet<>();
        accounts.forEach(a -> segments.addAll(a.segments().keySet()));
        List<String> header = new ArrayList<>(List.of("account_id", "name", "tier", "parent_id", "annual_value",
                "owner"));
        segments.forEach(s -> header.add("seg:" + s));
        boolean outcomes = accounts.stream().anyMatch(a -> !a.outcome().isEmpty());
        if (outcomes) {
            header.add("outcome:renewed");
            header.add("outcome:revenue_growth");
        }
        StringBuilder out = new StringBuilder();
        row(out, header);
        for (Account a : accounts) {
            List<String> f = new ArrayList<>(header.size());
            f.add(a.id());
            f.add(a.name());
            f.add(a.tier().name());
            f.add(a.parentId().orElse(""));
            f.add(number(a.annualValue()));
            f.add(a.owner().orElse(""));
            segments.forEach(s -> f.add(a.segment(s).orElse("")));
            if (outcomes) {
                f.add(a.outcome().renewed().map(String::valueOf).orElse(""));
                f.add(number(a.outcome().revenueGrowth()));
            }
            row(out, f);
        }
        return out.toString();
    }

    /**
     * Formats contacts: {@code contact_id,account_id,role,function}. Influence weights have no column in the command
     * line's {@code contacts.csv} and are not written.
     *
     * @param contacts the contacts, written in the order given
     * @return the CSV text
     */
    public static String contactsCsv(List<Contact> contacts) {
        Objects.requireNonNull(contacts, "contacts");
        StringBuilder out = new StringBuilder();
        row(out, List.of("contact_id", "account_id", "role", "function"));
        for (Contact c : contacts) {
            row(out, List.of(c.id(), c.accountId(), c.role().name(), c.function().orElse("")));
        }
        return out.toString();
    }

    /**
     * Formats responses: {@code response_id,account_id,contact_id,role,episode,answered_at,score,comment}, then one
     * {@code attr:<name>} column per attribute rated in any response, sorted by name (blank = not rated), then one
     * {@code competitor:<name>} column per competitor rated in any response, sorted by name (blank = not rated).
     *
     * @param responses the responses, written in the order given
     * @return the CSV text
     */
    public static String responsesCsv(List<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        TreeSet<String> attributes = new TreeSet<>();
        responses.forEach(r -> attributes.addAll(r.ratings().keySet()));
        List<String> header = new ArrayList<>(List.of("response_id", "account_id", "contact_id", "role", "episode",
                "answered_at", "score", "comment"));
        attributes.forEach(a -> header.add("attr:" + a));
        TreeSet<String> competitors = new TreeSet<>();
        responses.forEach(r -> competitors.addAll(r.competitorScores().keySet()));
        competitors.forEach(c -> header.add("competitor:" + c));
        StringBuilder out = new StringBuilder();
        row(out, header);
        for (Response r : responses) {
            List<String> f = new ArrayList<>(header.size());
            f.add(r.id());
            f.add(r.accountId());
            f.add(r.contactId());
            f.add(r.role().map(Role::name).orElse(""));
            f.add(r.episode().name());
            f.add(dateTime(r.answeredAt()));
            f.add(Integer.toString(r.score()));
            f.add(r.comment().orElse(""));
            attributes.forEach(a -> f.add(number(r.rating(a))));
            competitors.forEach(c -> f.add(r.competitorScore(c).isPresent()
                    ? Integer.toString(r.competitorScore(c).getAsInt()) : ""));
            row(out, f);
        }
        return out.toString();
    }

    /**
     * Formats invitations: {@code contact_id,invited_at,episode}.
     *
     * @param invitations the invitations, written in the order given
     * @return the CSV text
     */
    public static String invitationsCsv(List<Invitation> invitations) {
        Objects.requireNonNull(invitations, "invitations");
        StringBuilder out = new StringBuilder();
        row(out, List.of("contact_id", "invited_at", "episode"));
        for (Invitation i : invitations) {
            row(out, List.of(i.contactId(), i.invitedAt().toString(), i.episode().name()));
        }
        return out.toString();
    }

    /**
     * Quotes one field as RFC 4180 requires.
     *
     * @param value the raw value
     * @return the value, quoted (with doubled quotes) when it holds a comma, quote, CR, LF or outer blanks
     */
    static String field(String value) {
        boolean quote = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Formats a number so that {@link Double#parseDouble} reads back the same value, in plain notation.
     *
     * @param d a finite double
     * @return e.g. {@code 7}, {@code 0.25}, {@code 125300}
     */
    static String number(double d) {
        if (d == 0 && 1 / d < 0) {
            return "-0.0";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String number(OptionalDouble d) {
        return d.isPresent() ? number(d.getAsDouble()) : "";
    }

    private static String dateTime(LocalDateTime t) {
        return t.getNano() == 0 ? SECONDS.format(t) : t.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append('\n');
    }
}
