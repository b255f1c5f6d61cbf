package io.github.nps4j.spark;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import io.github.nps4j.core.Tier;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.jspecify.annotations.Nullable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Reads the input DataFrames (DESIGN §6 columns) into the engine's canonical columns, validating values with the
 * core's own parsers: {@code rid, acc, contact, role} (normalised, null when unknown), {@code episode} (normalised,
 * {@code relationship} when blank), {@code t} (answer time, microseconds since the epoch of the local date-time as
 * written), {@code day} (epoch day) and {@code cat} (−1, 0, +1). Rows with a blank score are skipped questions and
 * left out.
 */
final class Inputs {
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private Inputs() {
    }

    static void require(Dataset<Row> df, String what, String... columns) {
        for (String c : columns) {
            if (!Arrays.asList(df.columns()).contains(c)) {
                throw new IllegalArgumentException(what + " has no column '" + c + "'; it has "
                        + Arrays.toString(df.columns()));
            }
        }
    }

    static boolean has(Dataset<Row> df, String column) {
        return Arrays.asList(df.columns()).contains(column);
    }

    /** The canonical response rows (see the class comment). */
    static Dataset<Row> responses(Dataset<Row> responses, @Nullable Dataset<Row> contacts) {
        require(responses, "responses", "response_id", "account_id", "contact_id", "answered_at", "score");
        Column rid = col("response_id").cast("string");
        Dataset<Row> r = responses.select(
                rid.as("rid"),
                col("account_id").cast("string").as("acc"),
                col("contact_id").cast("string").as("contact"),
                has(responses, "role") ? ROLE.apply(col("role").cast("string")).as("role")
                        : lit(null).cast("string").as("role"),
                has(responses, "episode") ? EPISODE.apply(col("episode").cast("string")).as("episode")
                        : lit(EpisodeType.RELATIONSHIP.name()).as("episode"),
                time(responses.schema().apply("answered_at").dataType()).apply(rid, col("answered_at")).as("t"),
                category(responses.schema().apply("score").dataType()).apply(rid, col("score")).as("cat"))
                .where(col("cat").isNotNull());
        if (contacts != null) {
            require(contacts, "contacts", "contact_id", "role");
            Dataset<Row> c = contacts.select(col("contact_id").cast("string").as("c_contact"),
                    ROLE.apply(col("role").cast("string")).as("c_role"));
            r = r.join(c, r.col("contact").equalTo(c.col("c_contact")), "left")
                    .withColumn("role", org.apache.spark.sql.functions.coalesce(col("role"), col("c_role")))
                    .drop("c_contact", "c_role");
        }
        return r.withColumn("day", org.apache.spark.sql.functions.floor(col("t").divide(MICROS_PER_DAY))
                .cast("long"));
    }

    /** The canonical account rows: {@code a_acc, a_tier, a_value} and the requested segment columns. */
    static Dataset<Row> accounts(Dataset<Row> accounts, boolean needTier, boolean needValue, String... segments) {
        require(accounts, "accounts", "account_id");
        if (needValue) {
            require(accounts, "accounts", "annual_value");
        }
        Column[] cols = new Column[3 + segments.length];
        cols[0] = col("account_id").cast("string").as("a_acc");
        cols[1] = needTier && has(accounts, "tier") ? TIER.apply(col("tier").cast("string")).as("a_tier")
                : lit(Tier.DIRECT.name()).as("a_tier");
        cols[2] = needValue ? VALUE.apply(col("account_id").cast("string"), col("annual_value").cast("string"))
                .as("a_value") : lit(null).cast("double").as("a_value");
        for (int i = 0; i < segments.length; i++) {
            require(accounts, "accounts", "seg:" + segments[i]);
            Column s = col("`seg:" + segments[i] + "`").cast("string");
            cols[3 + i] = when(s.isNull().or(org.apache.spark.sql.functions.trim(s).equalTo("")), lit(null))
                    .otherwise(org.apache.spark.sql.functions.trim(s)).as("a_seg" + i);
        }
        return accounts.select(cols).withColumn("a_known", lit(true));
    }

    private static final UserDefinedFunction ROLE = udf(
            (UDF1<String, String>) s -> s == null || s.isBlank() ? null : Role.of(s).name(), DataTypes.StringType);

    private static final UserDefinedFunction EPISODE = udf(
            (UDF1<String, String>) s -> s == null || s.isBlank() ? EpisodeType.RELATIONSHIP.name()
                    : EpisodeType.of(s).name(), DataTypes.StringType);

    private static final UserDefinedFunction TIER = udf(
            (UDF1<String, String>) s -> s == null || s.isBlank() ? Tier.DIRECT.name() : Tier.of(s).name(),
            DataTypes.StringType);

    private static final UserDefinedFunction VALUE = udf((UDF2<String, String, Double>) (id, v) -> {
        if (v == null || v.isBlank()) {
            return null;
        }
        double x;
        try {
            x = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("accounts, column 'annual_value': '" + v + "' of account " + id
                    + " is not a number", e);
        }
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("accounts, column 'annual_value': " + v + " of account " + id
                    + " must be a finite number >= 0");
        }
        return x;
    }, DataTypes.DoubleType);

    /** The category sign of a score, validated as the core does; null for a blank (skipped) answer. */
    private static UserDefinedFunction category(DataType type) {
        if (type instanceof NumericType) {
            return udf((UDF2<String, Object, Integer>) (id, s) -> s == null ? null
                    : sign(id, ((Number) s).doubleValue(), s), DataTypes.IntegerType);
        }
        return udf((UDF2<String, Object, Integer>) (id, s) -> {
            String text = s == null ? "" : s.toString().strip();
            if (text.isEmpty()) {
                return null;
            }
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("responses, column 'score': '" + text + "' of response " + id
                        + " is not a score 0-10", e);
            }
            return sign(id, v, text);
        }, DataTypes.IntegerType);
    }

    private static int sign(String id, double v, Object shown) {
        if (v != Math.rint(v) || v < Score.MIN || v > Score.MAX) {
            throw new IllegalArgumentException("responses, column 'score': " + shown + " of response " + id
                    + " is not a whole number 0-10");
        }
        return io.github.nps4j.core.Category.of((int) v).sign();
    }

    /** Microseconds since 1970-01-01T00:00 of the answer's local date-time as written. */
    private static UserDefinedFunction time(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return udf((UDF2<String, String, Long>) (id, s) -> micros(parse(id, s)), DataTypes.LongType);
        }
        if (type.equals(DataTypes.DateType)) {
            return udf((UDF2<String, LocalDate, Long>) (id, d) -> micros(require(id, d).atStartOfDay()),
                    DataTypes.LongType);
        }
        if (type.equals(DataTypes.TimestampNTZType)) {
            return udf((UDF2<String, LocalDateTime, Long>) (id, d) -> micros(require(id, d)), DataTypes.LongType);
        }
        throw new IllegalArgumentException("responses, column 'answered_at' has type " + type.simpleString()
                + "; expected an ISO-8601 string, a date or a timestamp_ntz (local date-time as written)");
    }

    private static <T> T require(String id, @Nullable T value) {
        if (value == null) {
            throw new IllegalArgumentException("responses, column 'answered_at': blank for response " + id);
        }
        return value;
    }

    private static long micros(LocalDateTime t) {
        return t.toLocalDate().toEpochDay() * MICROS_PER_DAY + t.toLocalTime().toNanoOfDay() / 1000;
    }

    /**
     * An ISO-8601 date (the start of the day) or date-time (a space accepted for {@code T}; an offset or zone is
     * ignored: the local date-time is kept as written) — what the core's CSV reader accepts.
     */
    static LocalDateTime parse(String id, @Nullable String s) {
        String t = require(id, s).strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (t.length() > 10 && t.charAt(10) == ' ') {
                t = t.substring(0, 10) + 'T' + t.substring(11);
            }
            return DateTimeFormatter.ISO_DATE_TIME.parse(t, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("responses, column 'answered_at': '" + s + "' of response " + id
                    + " is not an ISO-8601 date or date-time", e);
        }
    }
}
