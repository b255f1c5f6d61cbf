package io.github.nps4j.readout;

import io.github.nps4j.readout.economics.LoyaltyEconomics;
import java.util.Objects;
import java.util.Optional;

/**
 * What loyalty is worth: per account category the renewal rate, mean annual value, revenue growth and lifetime value,
 * the promoter-to-detractor value ratio with its interval and the renewal model ({@link LoyaltyEconomics}, as
 * {@code nps economics} computes it over the readout's account map); or the reason they are missing.
 *
 * <p>A value-based, immutable record.
 *
 * @param economics the economics, or empty
 * @param unavailableReason why the economics are missing, or empty
 * @param rule how the figures were made, in words
 * @since 0.1.0
 */
public record LoyaltyValue(Optional<LoyaltyEconomics> economics, Optional<String> unavailableReason, String rule) {
    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if both or neither of the economics and the reason are present
     */
    public LoyaltyValue {
        Objects.requireNonNull(economics, "economics");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(rule, "rule");
        if (economics.isPresent() == unavailableReason.isPresent()) {
            throw new IllegalArgumentException("loyalty value needs either economics or the reason they are missing");
        }
    }

    /**
     * Returns a section that says why it is missing.
     *
     * @param reason why, e.g. {@code no account carries an outcome}
     * @return the section
     */
    public static LoyaltyValue unavailable(String reason) {
        return new LoyaltyValue(Optional.empty(), Optional.of(Objects.requireNonNull(reason, "reason")), "");
    }
}
