package io.github.nps4j.core.csv;

import static io.github.nps4j.core.csv.ColumnNames.ACCOUNT_ID;
import static io.github.nps4j.core.csv.ColumnNames.ANSWERED_AT;
import static io.github.nps4j.core.csv.ColumnNames.COMMENT;
import static io.github.nps4j.core.csv.ColumnNames.CONTACT_ID;
import static io.github.nps4j.core.csv.ColumnNames.EPISODE;
import static io.github.nps4j.core.csv.ColumnNames.RESPONSE_ID;
import static io.github.nps4j.core.csv.ColumnNames.ROLE;
import static io.github.nps4j.core.csv.ColumnNames.SCORE;

import java.util.List;

/**
 * The columns of {@code responses.csv}, resolved from its header once per file — by the reader (columns and objects)
 * and by the streaming scorer alike, so the three agree on what is required, what is optional and which header
 * errors come first. Indexes are −1 for an absent optional column.
 *
 * @param id {@code response_id}
 * @param account {@code account_id}
 * @param contact {@code contact_id}
 * @param role {@code role}, optional
 * @param episode {@code episode}, optional
 * @param answered {@code answered_at}
 * @param score {@code score}
 * @param comment {@code comment}, optional
 * @param attrs the {@code attr:} columns
 * @param competitors the {@code competitor:} columns
 */
record ResponseColumns(int id, int account, int contact, int role, int episode, int answered, int score, int comment,
        List<CsvFile.Extra> attrs, List<CsvFile.Extra> competitors) {

    /**
     * Resolves the columns of a {@code responses.csv} whose header has been read: the required ones first, then the
     * optional ones, the score column checked to be the 0–10 answer ({@link ReadSession#checkScoreColumn}).
     *
     * @throws CsvFormatException for a missing required column, a repeated one, or Qualtrics' NPS group helper
     *         mapped as the score
     */
    static ResponseColumns of(CsvFile f) {
        int[] cols = f.required(RESPONSE_ID, ACCOUNT_ID, CONTACT_ID, ANSWERED_AT, SCORE);
        int role = f.optional(ROLE);
        int episode = f.optional(EPISODE);
        ReadSession.checkScoreColumn(f, cols[4]);
        int comment = f.optional(COMMENT);
        return new ResponseColumns(cols[0], cols[1], cols[2], role, episode, cols[3], cols[4], comment,
                f.extras(ColumnNames.ATTR), f.extras(ColumnNames.COMPETITOR));
    }
}
