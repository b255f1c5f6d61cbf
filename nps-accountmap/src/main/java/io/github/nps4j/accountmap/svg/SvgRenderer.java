package io.github.nps4j.accountmap.svg;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.ContactEntry;
import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.RiskEntry;
import io.github.nps4j.accountmap.RoleCoverage;
import io.github.nps4j.core.AccountCategoryRule;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws account maps and the portfolio overview as standalone SVG documents.
 *
 * <p>Safety: every piece of text and every attribute value is escaped ({@code & < > " '}); characters XML cannot hold
 * become U+FFFD; the output is well-formed XML with a {@code <title>}, and has no script, no event attributes, no
 * links and no external references (fonts are generic families). Comments of answers are never drawn. Numbers are
 * shown with one decimal.
 *
 * <p>Colours by category: promoter {@value #PROMOTER_COLOUR}, passive {@value #PASSIVE_COLOUR}, detractor
 * {@value #DETRACTOR_COLOUR}; a contact without an answer in the window is an open grey circle, and a contact known
 * only from its answers has a dashed outline.
 *
 * <p>Stateless and thread-safe. Example usage:
 * <pre>{@code
 * AccountMap map = AccountMap.of(portfolio, asOf);
 * String one = SvgRenderer.account(map.account("A1").orElseThrow());
 * String all = SvgRenderer.portfolio(map);
 * Files.writeString(Path.of("portfolio.svg"), all);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SvgRenderer {
    /** Fill colour of promoters: {@value}. */
    public static final String PROMOTER_COLOUR = "#1a9850";
    /** Fill colour of passives: {@value}. */
    public static final String PASSIVE_COLOUR = "#f4b400";
    /** Fill colour of detractors: {@value}. */
    public static final String DETRACTOR_COLOUR = "#d73027";
    /** Outline colour of contacts without an answer: {@value}. */
    public static final String NO_ANSWER_COLOUR = "#9e9e9e";

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String FONT = "sans-serif";
    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 150;
    private static final int ROW_HEIGHT = 40;
    private static final int MARK_STEP = 26;
    private static final int RADIUS = 9;
    /** Marks per line in a role's row; larger roles wrap onto more lines. */
    private static final int MARKS_PER_LINE = 20;

    private SvgRenderer() {
    }

    /**
     * Returns the fill colour of a category.
     *
     * @param category the category
     * @return a hex colour
     */
    public static String colour(Category category) {
        Objects.requireNonNull(category, "category");
        return switch (category) {
            case PROMOTER -> PROMOTER_COLOUR;
            case PASSIVE -> PASSIVE_COLOUR;
            case DETRACTOR -> DETRACTOR_COLOUR;
        };
    }

    /**
     * Draws one account's map: roles as rows, contacts as marks coloured by the category of their latest answer,
     * with the account's NPS, category and flags in the header.
     *
     * @param account the account's map
     * @return a standalone SVG document
     */
    public static String account(MappedAccount account) {
        Objects.requireNonNull(account, "account");
        Map<Role, RoleCoverage> roles = account.roles();
        int maxMarks = 1;
        for (Role r : roles.keySet()) {
            maxMarks = Math.max(maxMarks, account.contacts(r).size());
        }
        // Large accounts wrap their marks onto several lines per role instead of growing without bound.
        int perLine = Math.min(maxMarks, MARKS_PER_LINE);
        int width = Math.max(WIDTH, LABEL_WIDTH + 40 + perLine * MARK_STEP + 210);
        int top = 96;
        int height = top + 40;
        for (Role r : roles.keySet()) {
            height += rowHeight(account.contacts(r).size());
        }
        if (roles.isEmpty()) {
            height += ROW_HEIGHT;
        }
        String name = account.account().name();
        SvgWriter w = new SvgWriter();
        w.open("svg", "xmlns", SVG_NS, "width", width, "height", height, "viewBox", "0 0 " + width + " " + height,
                "font-family", FONT, "font-size", 13);
        w.text("title", "Account map: " + name);
        w.text("desc", "Contacts of account " + account.accountId() + " by role, coloured by the category of their "
                + "latest answer in " + account.window() + ".");
        w.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        w.text("text", name, "x", 16, "y", 26, "font-size", 18, "font-weight", "bold");
        w.text("text", "account " + account.accountId() + " \u00b7 tier " + account.account().tier()
                + account.account().owner().map(o -> " \u00b7 owner " + o).orElse("")
                + " \u00b7 as of " + account.window().end(), "x", 16, "y", 46, "fill", "#555555");
        w.text("text", "NPS " + oneDecimal(account.nps()) + " (" + account.view().accountNps().n() + " answers)"
                + " \u00b7 " + account.view().rule().scoreLabel() + " "
                + oneDecimal(shown(account.categoryScore()))
                + " \u2192 account " + account.category().map(Category::label).orElse("unclassified"), "x", 16,
                "y", 66);
        w.text("text", "flags: " + flags(account.flags()), "x", 16, "y", 84,
                "fill", account.flags().isEmpty() ? "#555555" : DETRACTOR_COLOUR);

        int y = top;
        for (Map.Entry<Role, RoleCoverage> e : roles.entrySet()) {
            Role role = e.getKey();
            RoleCoverage c = e.getValue();
            w.open("g", "class", "role");
            int rowHeight = rowHeight(account.contacts(role).size());
            w.empty("line", "x1", 16, "y1", y + rowHeight, "x2", width - 16, "y2", y + rowHeight,
                    "stroke", "#eeeeee");
            w.text("text", role.name(), "x", 16, "y", y + 24, "font-weight", "bold");
            int x = LABEL_WIDTH + 20;
            int markY = y + 20;
            int inLine = 0;
            for (ContactEntry ce : account.contacts(role)) {
                if (inLine == MARKS_PER_LINE) {
                    x = LABEL_WIDTH + 20;
                    markY += MARK_STEP;
                    inLine = 0;
                }
                inLine++;
                Optional<Category> cat = ce.category();
                Object[] attrs = cat.isPresent()
                        ? new Object[] {"cx", x, "cy", markY, "r", RADIUS, "fill", colour(cat.get()), "stroke",
                            ce.listed() ? "#333333" : "#000000", "stroke-dasharray", ce.listed() ? "none" : "3 2"}
                        : new Object[] {"cx", x, "cy", markY, "r", RADIUS, "fill", "#ffffff", "stroke",
                            NO_ANSWER_COLOUR, "stroke-dasharray", ce.listed() ? "none" : "3 2"};
                w.open("circle", attrs);
                w.text("title", ce.contactId() + ": " + cat.map(Category::label).orElse("no answer")
                        + ce.latestAnswer().map(r -> " (" + r.score() + " on " + r.answeredOn() + ")").orElse(""));
                w.close();
                x += MARK_STEP;
            }
            w.text("text", c.responded() + "/" + c.mapped() + " answered \u00b7 " + c.promoters() + " P, "
                    + c.passives() + " A, " + c.detractors() + " D", "x", width - 16, "y", y + 24,
                    "text-anchor", "end", "fill", "#555555");
            w.close();
            y += rowHeight;
        }
        legend(w, 16, height - 14);
        return w.finish();
    }

    /**
     * Draws the portfolio overview: headline figures, coverage by role and the accounts ranked by risk, each with
     * its category colour, NPS and flags.
     *
     * @param map the portfolio's account map
     * @return a standalone SVG document
     */
    public static String portfolio(AccountMap map) {
        Objects.requireNonNull(map, "map");
        List<RiskEntry> ranking = map.overview().ranking();
        Map<Role, RoleCoverage> coverage = map.overview().coverageByRole();
        List<String> ruleLines = wrap("at risk: " + map.revenueAtRisk().rule(), 130);
        int coverageTop = 90 + ruleLines.size() * 13;
        int rankingTop = coverageTop + coverage.size() * 24 + 40;
        int height = rankingTop + Math.max(1, ranking.size()) * 26 + 40;
        int width = WIDTH;
        SvgWriter w = new SvgWriter();
        w.open("svg", "xmlns", SVG_NS, "width", width, "height", height, "viewBox", "0 0 " + width + " " + height,
                "font-family", FONT, "font-size", 13);
        w.text("title", "Portfolio overview as of " + map.asOf());
        w.text("desc", "Accounts ranked by risk, coverage by role, account-count NPS and revenue at risk.");
        w.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        w.text("text", "Portfolio overview \u00b7 as of " + map.asOf(), "x", 16, "y", 26, "font-size", 18,
                "font-weight", "bold");
        w.text("text", map.accounts().size() + " accounts \u00b7 account-count NPS "
                + oneDecimal(map.overview().accountCountNps().nps()) + " \u00b7 revenue at risk "
                + String.format(Locale.ROOT, "%,.0f", map.revenueAtRisk().total()) + " ("
                + map.revenueAtRisk().accountIds().size() + " accounts)", "x", 16, "y", 48);
        for (int i = 0; i < ruleLines.size(); i++) {
            w.text("text", ruleLines.get(i), "x", 16, "y", 66 + 13 * i, "fill", "#555555", "font-size", 10);
        }

        w.text("text", "Coverage by role (answered / mapped)", "x", 16, "y", coverageTop - 10, "font-weight", "bold");
        int y = coverageTop;
        int barWidth = 300;
        for (Map.Entry<Role, RoleCoverage> e : coverage.entrySet()) {
            RoleCoverage c = e.getValue();
            double share = c.coverage().orElse(0);
            w.open("g", "class", "coverage");
            w.text("text", e.getKey().name(), "x", 16, "y", y + 14);
            w.empty("rect", "x", LABEL_WIDTH, "y", y + 2, "width", barWidth, "height", 16, "fill", "#eeeeee");
            w.empty("rect", "x", LABEL_WIDTH, "y", y + 2, "width", share * barWidth, "height", 16, "fill",
                    "#4575b4");
            w.text("text", c.responded() + " / " + c.mapped() + " (" + oneDecimal(c.coverage().isPresent()
                    ? OptionalDouble.of(100 * share) : OptionalDouble.empty()) + " %)", "x", LABEL_WIDTH + barWidth + 10,
                    "y", y + 14);
            w.close();
            y += 24;
        }

        w.text("text", "Accounts ranked by risk score (flag and category severity \u00d7 annual value, not money)",
                "x", 16, "y", rankingTop - 10,
                "font-weight", "bold");
        y = rankingTop;
        Map<String, MappedAccount> byId = new HashMap<>();
        map.accounts().forEach(a -> byId.put(a.accountId(), a));
        for (RiskEntry r : ranking) {
            MappedAccount m = byId.get(r.accountId());
            w.open("g", "class", "account");
            w.text("text", String.valueOf(r.rank()), "x", 30, "y", y + 14, "text-anchor", "end", "fill", "#555555");
            if (r.category().isPresent()) {
                w.empty("circle", "cx", 46, "cy", y + 9, "r", 7, "fill", colour(r.category().get()));
            } else {
                w.empty("circle", "cx", 46, "cy", y + 9, "r", 7, "fill", "#ffffff", "stroke", NO_ANSWER_COLOUR);
            }
            w.text("text", r.name(), "x", 60, "y", y + 14);
            w.text("text", "NPS " + oneDecimal(m.nps()), "x", 330, "y", y + 14);
            // severity × annual value: a ranking score, not an amount of money
            w.text("text", "risk score " + String.format(Locale.ROOT, "%,.0f", r.riskScore()), "x", 420, "y",
                    y + 14);
            w.text("text", flags(r.flags()), "x", 520, "y", y + 14, "fill",
                    r.flags().isEmpty() ? "#555555" : DETRACTOR_COLOUR, "font-size", 11);
            w.close();
            y += 26;
        }
        legend(w, 16, height - 14);
        return w.finish();
    }

    private static void legend(SvgWriter w, int x, int y) {
        w.open("g", "class", "legend", "font-size", 11);
        int cx = x;
        for (Category c : List.of(Category.PROMOTER, Category.PASSIVE, Category.DETRACTOR)) {
            w.empty("circle", "cx", cx + 6, "cy", y - 4, "r", 6, "fill", colour(c));
            w.text("text", c.label(), "x", cx + 16, "y", y);
            cx += 90;
        }
        w.empty("circle", "cx", cx + 6, "cy", y - 4, "r", 6, "fill", "#ffffff", "stroke", NO_ANSWER_COLOUR);
        w.text("text", "no answer", "x", cx + 16, "y", y);
        w.close();
    }

    private static String flags(Set<Flag> flags) {
        return flags.isEmpty() ? "none" : flags.stream().map(Flag::label).collect(Collectors.joining(", "));
    }

    /** A category score as shown beside its category (rounded down, {@link AccountCategoryRule#shownScore}). */
    private static OptionalDouble shown(OptionalDouble mean) {
        return mean.isPresent() ? OptionalDouble.of(AccountCategoryRule.shownScore(mean.getAsDouble())) : mean;
    }

    private static String oneDecimal(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.1f", d.getAsDouble()) : "n/a";
    }

    /** Height of a role's row holding {@code marks} contact marks. */
    private static int rowHeight(int marks) {
        int lines = Math.max(1, (marks + MARKS_PER_LINE - 1) / MARKS_PER_LINE);
        return ROW_HEIGHT + (lines - 1) * MARK_STEP;
    }

    /** Splits text at spaces into lines of at most about {@code max} characters. */
    private static List<String> wrap(String text, int max) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
