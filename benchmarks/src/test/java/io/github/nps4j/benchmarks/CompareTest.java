package io.github.nps4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.table.ResponseTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator and the Java side of compare.sh give the object API's numbers (no timing is checked). */
class CompareTest {
    @Test
    void javaSideOfCompareEqualsObjectScorer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.csv");
        new DataGenerator(50, 3).writeCompact(file, 5_000);
        ResponseTable table = Compare.load(file);
        assertEquals(5_000, table.size());
        GroupedEstimates columns = Compare.scorer().score(table);

        List<Response> responses = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            responses.add(Response.builder("R" + i, f[0], f[0] + "/" + f[1]).role(Role.of(f[1]))
                    .answeredAt(LocalDate.EPOCH).score(Integer.parseInt(f[2])).build());
        }
        GroupedEstimates objects = GroupedEstimates.of(NpsScorer.builder()
                .weighting(Weighting.roleAccountEqual(RoleWeights.defaults())).groupBy(GroupField.ROLE).build()
                .score(responses));
        assertEquals(objects.groups().size(), columns.groups().size());
        for (int g = 0; g < objects.groups().size(); g++) {
            assertEquals(objects.groups().get(g).key(), columns.groups().get(g).key());
            assertEquals(objects.groups().get(g).estimate().n(), columns.groups().get(g).estimate().n());
            assertEquals(objects.groups().get(g).estimate().npsValue(), columns.groups().get(g).estimate().npsValue(),
                    1e-9);
        }
    }

    @Test
    void generatorIsSeeded() {
        ResponseTable a = new DataGenerator(100, 9).table(1_000);
        ResponseTable b = new DataGenerator(100, 9).table(1_000);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.score(i), b.score(i));
            assertEquals(a.account(i), b.account(i));
        }
        assertEquals(16, ResponseTable.memoryBytesPerRow());
    }
}
