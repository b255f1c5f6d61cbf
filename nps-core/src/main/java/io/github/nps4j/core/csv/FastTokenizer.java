package io.github.nps4j.core.csv;

import java.io.IOException;

/** What {@link CsvFile} needs of its two fast tokenizers, {@link FastRecords} (characters) and {@link FastBytes}. */
interface FastTokenizer {
    /**
     * Moves to the next record.
     *
     * @return false at the end of the input
     * @throws IOException if the input cannot be read (a {@link java.nio.charset.CharacterCodingException} for bytes
     *         that are not text in the file's encoding)
     * @throws FastRecords.Malformed on a quote problem
     */
    boolean advance() throws IOException, FastRecords.Malformed;

    /** The number of line breaks before the current record, so the record starts on line {@code lineBefore() + 1}. */
    long lineBefore();

    /** Whether the current record is one blank field: a blank line, which the readers skip. */
    boolean blankLine();
}
