package io.github.nps4j.core.csv;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in a CSV file: where it is (file and physical line), which field, the offending value and why it
 * was rejected.
 *
 * <p>{@link #line()} is the physical line of the file (1-based, the header is line 1) on which the offending record
 * <em>starts</em>; it differs from the record number when an earlier quoted field spans several lines, and it counts
 * skipped blank lines.
 *
 * <p>Comments are personal data: an error about the {@code comment} field never carries the comment's text (its value
 * is always empty). Other values longer than {@value #MAX_VALUE_LENGTH} characters are cut short, so that a broken
 * row cannot smuggle free text into logs.
 *
 * <p>Value-based and immutable.
 *
 * @param file the name of the file (or source) the record came from
 * @param line the physical line on which the offending record starts, {@code >= 1}
 * @param field the column name as nps4j names it (e.g. {@code score}, {@code attr:delivery}), or an empty string when
 *        the problem concerns the whole row or file
 * @param value the offending value as written (stripped of surrounding blanks, possibly shortened), or an empty
 *        string
 * @param reason why the value was rejected, e.g. {@code "score 11 is out of range; expected an integer 0-10"}
 * @since 0.1.0
 */
public record RowError(String file, long line, String field, String value, String reason) implements Serializable {

    /** The longest value kept, in characters; longer values are shortened and end with an ellipsis. */
    public static final int MAX_VALUE_LENGTH = 80;

    /**
     * Validates the error, empties the value of a {@code comment} and shortens long values.
     *
     * @throws IllegalArgumentException if {@code line < 1}
     */
    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " must be >= 1");
        }
        if (field.equals(ColumnNames.COMMENT)) {
            value = "";
        } else if (value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
        }
    }

    /**
     * Describes the error in one line, naming file, line, field, value and reason, e.g.
     * {@code responses.csv, line 7, field score, value '11': score 11 is out of range; expected an integer 0-10}.
     * Line breaks and other control characters in the value are shown as escapes.
     *
     * @return the message
     */
    public String message() {
        StringBuilder sb = new StringBuilder(64 + reason.length());
        sb.append(file).append(", line ").append(line);
        if (!field.isEmpty()) {
            sb.append(", field ").append(field).append(", value '");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else if (Character.isISOControl(c)) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }

    /**
     * Returns {@link #message()}.
     *
     * @return the message
     */
    @Override
    public String toString() {
        return message();
    }
}
