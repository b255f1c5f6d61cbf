package io.github.nps4j.accountmap;

import io.github.nps4j.core.Category;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One line of the portfolio's risk ranking.
 *
 * @param rank 1 for the riskiest account
 * @param accountId the account
 * @param name its name
 * @param riskScore severity × annual value (0 when the value is unknown)
 * @param riskSeverity the sum of the risk weights of the flags and the category
 * @param flags the flags raised
 * @param category the account category, if any answer
 * @param annualValue the annual value, if known
 * @since 0.1.0
 */
public record RiskEntry(int rank, String accountId, String name, double riskScore, double riskSeverity,
        Set<Flag> flags, Optional<Category> category, OptionalDouble annualValue) {

    /** Copies the flags. */
    public RiskEntry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(annualValue, "annualValue");
    }
}
