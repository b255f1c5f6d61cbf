package io.github.nps4j.core.csv;

import java.io.StringReader;
import org.jspecify.annotations.Nullable;

/** Small in-memory CSV files for the reader tests. */
final class CsvFixtures {
    static final String ACCOUNTS = """
            account_id,name,tier,parent_id,annual_value,owner,seg:region
            A1,Acme,direct,,1000,maria,emea
            A2,Beta,distributor,A1,,,
            """;
    static final String CONTACTS = """
            contact_id,account_id,role,function
            C1,A1,decision-maker,IT
            C2,A2,user,
            """;
    static final String RESPONSES = """
            response_id,account_id,contact_id,role,episode,answered_at,score,comment,attr:delivery
            R1,A1,C1,,,2026-01-15,9,fine,8
            R2,A2,C2,user,renewal,2026-02-01T10:00,3,"slow, late",
            """;
    static final String INVITATIONS = """
            contact_id,invited_at,episode
            C1,2026-01-10,
            """;

    private CsvFixtures() {
    }

    static CsvSource source(String name, String text) {
        return CsvSource.of(name, new StringReader(text));
    }

    static ReadResult read(PortfolioReader.Mode mode, String responses, @Nullable String accounts,
            @Nullable String contacts, @Nullable String invitations) {
        return PortfolioReader.builder().mode(mode).build().read(source("responses.csv", responses),
                accounts == null ? null : source("accounts.csv", accounts),
                contacts == null ? null : source("contacts.csv", contacts),
                invitations == null ? null : source("invitations.csv", invitations));
    }

    static ReadResult strict(String responses) {
        return read(PortfolioReader.Mode.STRICT, responses, null, null, null);
    }
}
