package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code competitor:<name>} columns: read like scores, blank = not rated, bad values named. */
class CompetitorColumnsTest {
    static final String RESPONSES = """
            response_id,account_id,contact_id,answered_at,score,competitor:Rival Co,competitor:other
            R1,A1,C1,2026-01-15,9,6,
            R2,A1,C2,2026-01-16,3,,10
            """;

    @Test
    void readsCompetitorScoresAndLeavesBlanksOut() {
        List<Response> rs = CsvFixtures.strict(RESPONSES).portfolio().responses();
        assertEquals(Map.of("Rival Co", 6), rs.get(0).competitorScores());
        assertEquals(Map.of("other", 10), rs.get(1).competitorScores());
        assertEquals(java.util.OptionalInt.empty(), rs.get(1).competitorScore("Rival Co"));
    }

    @Test
    void aBadCompetitorScoreIsAnErrorNamingTheColumn() {
        ReadResult r = CsvFixtures.read(PortfolioReader.Mode.LENIENT, RESPONSES.replace(",6,", ",11,"), null, null,
                null);
        assertEquals(List.of("responses.csv:2:competitor:Rival Co:11"), r.errors().stream()
                .map(e -> e.file() + ":" + e.line() + ":" + e.field() + ":" + e.value()).toList());
    }

    @Test
    void aMappedCompetitorColumnIsRead() {
        ReadResult r = PortfolioReader.builder().columnMapping(ColumnMapping.parse("competitor:rival=Q7")).build()
                .read(CsvFixtures.source("responses.csv",
                        "response_id,account_id,contact_id,answered_at,score,Q7\nR1,A1,C1,2026-01-15,9,8\n"),
                        null, null, null);
        assertEquals(Map.of("rival", 8), r.portfolio().responses().get(0).competitorScores());
    }
}
