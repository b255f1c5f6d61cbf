package io.github.nps4j.core.csv;

import java.util.Set;

/** The column names nps4j expects, as constants, and the prefixes of the open-ended columns. */
final class ColumnNames {
    static final String RESPONSE_ID = "response_id";
    static final String ACCOUNT_ID = "account_id";
    static final String CONTACT_ID = "contact_id";
    static final String ROLE = "role";
    static final String EPISODE = "episode";
    static final String ANSWERED_AT = "answered_at";
    static final String SCORE = "score";
    static final String COMMENT = "comment";
    static final String NAME = "name";
    static final String TIER = "tier";
    static final String PARENT_ID = "parent_id";
    static final String ANNUAL_VALUE = "annual_value";
    static final String OWNER = "owner";
    static final String FUNCTION = "function";
    static final String INVITED_AT = "invited_at";

    /** Prefix of attribute-rating columns in {@code responses.csv}. */
    static final String ATTR = "attr:";
    /** Prefix of competitor-score columns in {@code responses.csv}. */
    static final String COMPETITOR = "competitor:";
    /** Prefix of outcome columns in {@code accounts.csv}: {@code outcome:renewed}, {@code outcome:revenue_growth}. */
    static final String OUTCOME = "outcome:";
    /** The renewal outcome column's name after its prefix. */
    static final String RENEWED = "renewed";
    /** The revenue-growth outcome column's name after its prefix. */
    static final String REVENUE_GROWTH = "revenue_growth";
    /** Prefix of segment-tag columns in {@code accounts.csv}. */
    static final String SEG = "seg:";

    /** Every fixed column name of the four files. */
    static final Set<String> ALL = Set.of(RESPONSE_ID, ACCOUNT_ID, CONTACT_ID, ROLE, EPISODE, ANSWERED_AT, SCORE,
            COMMENT, NAME, TIER, PARENT_ID, ANNUAL_VALUE, OWNER, FUNCTION, INVITED_AT);

    private ColumnNames() {
    }
}
