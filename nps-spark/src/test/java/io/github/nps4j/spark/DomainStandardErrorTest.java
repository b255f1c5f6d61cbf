package io.github.nps4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The clustered standard error of a group by domain estimation, checked against a hand computation: four accounts,
 * grouped by role; the decision-maker group has no answer from A3, the user group none from A4, yet both count G = 4.
 */
class DomainStandardErrorTest {
    /** account, role, score. */
    private static final String[][] ANSWERS = {
        {"A1", "decision-maker", "10"}, {"A1", "user", "3"},
        {"A2", "decision-maker", "9"}, {"A2", "user", "8"},
        {"A3", "user", "10"}, {"A3", "user", "0"},
        {"A4", "decision-maker", "6"}};

    private static Dataset<Row> responses() {
        StructType schema = new StructType().add("response_id", DataTypes.StringType)
                .add("account_id", DataTypes.StringType).add("contact_id", DataTypes.StringType)
                .add("role", DataTypes.StringType).add("answered_at", DataTypes.StringType)
                .add("score", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ANSWERS.length; i++) {
            rows.add(RowFactory.create("R" + i, ANSWERS[i][0], "C" + i, ANSWERS[i][1], "2026-01-0" + (1 + i),
                    Integer.parseInt(ANSWERS[i][2])));
        }
        return SparkTests.spark().createDataFrame(rows, schema).repartition(2);
    }

    /** key (null for overall) → row. */
    private static Map<String, Row> score(ScoringSpec spec, NpsSpark.ClusterScope scope) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : NpsSpark.score(responses(), null, null, spec, scope).collectAsList()) {
            out.put(r.getString(0), r);
        }
        return out;
    }

    private static double cse(Row r) {
        return r.getDouble(r.fieldIndex("clusteredStandardError"));
    }

    @Test
    void unweightedByHand() {
        ScoringSpec spec = ScoringSpec.builder().groupBy(GroupField.ROLE).build();
        Map<String, Row> domain = score(spec, NpsSpark.ClusterScope.DOMAIN);
        // decision-makers: A1 P, A2 P, A4 D; m = 1/3; account residuals 2/3, 2/3, -4/3 (A3: 0); W = 3
        // V = 4/3 * (4/9 + 4/9 + 16/9) / 9 = 32/81   (own design, G = 3: 3/2 * 24/81 = 4/9)
        ScoreEqualityTest.close(100 * Math.sqrt(32.0 / 81), cse(domain.get("decision-maker")), "dm domain");
        // users: A1 D, A2 A, A3 P+D; m = -1/4; residuals -3/4, 1/4, 1/2 (A4: 0); W = 4
        // V = 4/3 * (9/16 + 1/16 + 4/16) / 16 = 7/96   (own design, G = 3: 3/2 * 14/256 = 21/256)
        ScoreEqualityTest.close(100 * Math.sqrt(7.0 / 96), cse(domain.get("user")), "user domain");
        // overall: m = 0; residuals 0, 1, 0, -1; W = 7: V = 4/3 * 2/49 = 8/147
        ScoreEqualityTest.close(100 * Math.sqrt(8.0 / 147), cse(domain.get(null)), "overall");
        assertEquals(3L, domain.get("decision-maker").getLong(domain.get("decision-maker").fieldIndex("accounts")));
        assertEquals(4L, domain.get(null).getLong(domain.get(null).fieldIndex("accounts")));

        Map<String, Row> group = score(spec, NpsSpark.ClusterScope.GROUP);
        ScoreEqualityTest.close(100 * Math.sqrt(4.0 / 9), cse(group.get("decision-maker")), "dm group");
        ScoreEqualityTest.close(100 * Math.sqrt(21.0 / 256), cse(group.get("user")), "user group");
        ScoreEqualityTest.close(100 * Math.sqrt(8.0 / 147), cse(group.get(null)), "overall, either scope");
    }

    @Test
    void weightedFromFirstPrinciples() {
        RoleWeights rw = RoleWeights.parse("decision-maker=3,user=1");
        for (Weighting w : List.of(Weighting.role(rw), Weighting.roleAccountEqual(rw))) {
            ScoringSpec spec = ScoringSpec.builder().weighting(w).groupBy(GroupField.ROLE).build();
            Map<String, Row> domain = score(spec, NpsSpark.ClusterScope.DOMAIN);
            for (String role : new String[] {"decision-maker", "user", null}) {
                ScoreEqualityTest.close(100 * Math.sqrt(domainVariance(w, rw, role)), cse(domain.get(role)),
                        w.label() + " " + role);
            }
        }
    }

    @Test
    void aGroupWithOneAccountHasNoClusteredStandardError() {
        ScoringSpec spec = ScoringSpec.builder().groupBy(GroupField.ACCOUNT).build();
        for (Row r : NpsSpark.score(responses(), null, null, spec).collectAsList()) {
            if (r.getString(0) != null) {
                assertNull(r.get(r.fieldIndex("clusteredStandardError")), r.toString());
            }
        }
    }

    /**
     * V = G/(G−1) Σ_g (Σ_{i∈g∩d} w_i (z_i − m_d))² / (Σ_{i∈d} w_i)², G = 4, weights as the weighting defines them
     * within the domain d (role weight; with account-equal, normalised to total 1 per account within d).
     */
    private static double domainVariance(Weighting w, RoleWeights rw, String role) {
        List<String[]> d = new ArrayList<>();
        for (String[] a : ANSWERS) {
            if (role == null || a[1].equals(role)) {
                d.add(a);
            }
        }
        Map<String, Double> rawByAccount = new LinkedHashMap<>();
        for (String[] a : d) {
            rawByAccount.merge(a[0], rw.weightOf(io.github.nps4j.core.Role.of(a[1])), Double::sum);
        }
        double[] wt = new double[d.size()];
        double[] z = new double[d.size()];
        double sw = 0;
        double swz = 0;
        for (int i = 0; i < d.size(); i++) {
            double raw = rw.weightOf(io.github.nps4j.core.Role.of(d.get(i)[1]));
            wt[i] = w.normalisesWithinAccounts() ? raw / rawByAccount.get(d.get(i)[0]) : raw;
            int score = Integer.parseInt(d.get(i)[2]);
            z[i] = score >= 9 ? 1 : score >= 7 ? 0 : -1;
            sw += wt[i];
            swz += wt[i] * z[i];
        }
        double m = swz / sw;
        Map<String, Double> residual = new LinkedHashMap<>();
        for (String acc : List.of("A1", "A2", "A3", "A4")) {
            residual.put(acc, 0.0);
        }
        for (int i = 0; i < d.size(); i++) {
            residual.merge(d.get(i)[0], wt[i] * (z[i] - m), Double::sum);
        }
        double sum = 0;
        for (double u : residual.values()) {
            sum += u * u;
        }
        int g = residual.size();
        return (double) g / (g - 1) * sum / (sw * sw);
    }
}
