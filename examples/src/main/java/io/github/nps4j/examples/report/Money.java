package io.github.nps4j.examples.report;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the text and HTML outputs write amounts of money (annual values, revenue at risk, follow-up priorities): with
 * thousands separators and no decimals, prefixed by the ISO 4217 code when one is set ({@code EUR 1,250,000}). The
 * data hold plain numbers, so without a currency the amounts are printed as they are and {@link #note()} says that
 * their unit is the data's own.
 *
 * @param currency the currency of the amounts in the data, if the user named it
 */
public record Money(Optional<Currency> currency) {
    /** No currency named: plain numbers. */
    public static final Money PLAIN = new Money(Optional.empty());

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code currency} is null
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * Parses an ISO 4217 code such as {@code EUR} (case-insensitive).
     *
     * @param code the code
     * @return the setting
     * @throws IllegalArgumentException if the code is not a known ISO 4217 currency
     */
    public static Money of(String code) {
        Objects.requireNonNull(code, "code");
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code (three letters, "
                    + "e.g. EUR, USD, GBP)");
        }
        try {
            return new Money(Optional.of(Currency.getInstance(c)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code (e.g. EUR, USD, GBP)",
                    e);
        }
    }

    /**
     * Formats an amount, e.g. {@code EUR 1,250,000} or {@code 1,250,000}.
     *
     * @param amount the amount
     * @return the text
     */
    public String format(double amount) {
        String n = String.format(Locale.ROOT, "%,.0f", amount);
        return currency.map(c -> c.getCurrencyCode() + " " + n).orElse(n);
    }

    /**
     * Formats an amount without the currency code, for places whose label names the unit.
     *
     * @param amount the amount
     * @return e.g. {@code 1,250,000}
     */
    public String number(double amount) {
        return String.format(Locale.ROOT, "%,.0f", amount);
    }

    /**
     * Returns the unit for a label, e.g. {@code " (EUR)"}, or nothing without a currency.
     *
     * @return the unit in parentheses with a leading space, or an empty string
     */
    public String unitSuffix() {
        return currency.map(c -> " (" + c.getCurrencyCode() + ")").orElse("");
    }

    /**
     * Formats an amount that may be missing.
     *
     * @param amount the amount
     * @return the text, {@code –} when missing
     */
    public String format(OptionalDouble amount) {
        return amount.isPresent() ? format(amount.getAsDouble()) : "–";
    }

    /**
     * Says what unit the amounts are in.
     *
     * @return e.g. {@code amounts in EUR (euro)}, or that no currency was named
     */
    public String note() {
        return currency.map(c -> "amounts in " + c.getCurrencyCode() + " (" + c.getDisplayName(Locale.ENGLISH) + ")")
                .orElse("amounts in the data's own currency (none named: set one with --currency, e.g. --currency "
                        + "EUR)");
    }
}
