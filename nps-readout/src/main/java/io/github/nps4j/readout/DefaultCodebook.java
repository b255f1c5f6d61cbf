package io.github.nps4j.readout;

import io.github.nps4j.core.themes.Codebook;

/**
 * The built-in B2B codebook a {@link PortfolioReadout} codes comments with when the caller gives none. It is a
 * starting point, not a model of your customers: read its {@link #CSV} text, write it to a file, edit it, and pass
 * your own with {@link ReadoutOptions.Builder#codebook(Codebook, String)} (or {@code nps demo|report --codebook FILE});
 * {@link ReadoutOptions.Builder#noCodebook()} switches the themes off.
 *
 * <p>Its nine themes and their English phrases (matched case-insensitively on whole words, as {@link Codebook}
 * matches; plurals are listed because "delivery" does not match "deliveries"):
 * <ul>
 * <li>{@code support}: support, help desk, helpdesk, service desk, ticket(s), hotline, technician(s);</li>
 * <li>{@code onboarding}: onboarding, implementation, setup, go-live, rollout, training;</li>
 * <li>{@code price and value}: price(s), pricing, expensive, cheap, cost(s), value for money, discount(s);</li>
 * <li>{@code product quality}: quality, defect(s), defective, faulty, broken;</li>
 * <li>{@code reliability}: outage(s), downtime, crash(es), unreliable, unstable, breakdown(s);</li>
 * <li>{@code delivery}: delivery, deliveries, shipment(s), shipping, lead time(s), on time, late;</li>
 * <li>{@code account management}: account manager(s), account management, account team, sales rep, follow(s) up,
 * relationship manager;</li>
 * <li>{@code billing}: invoice(s), invoicing, billing, billed, payment(s), credit note;</li>
 * <li>{@code documentation}: documentation, manual(s), docs, instructions, knowledge base.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class DefaultCodebook {
    /** The codebook as CSV ({@code theme,pattern}, phrases separated by {@code |}), ready to copy and edit. */
    public static final String CSV = """
            theme,pattern
            support,support|help desk|helpdesk|service desk|ticket|tickets|hotline|technician|technicians
            onboarding,onboarding|implementation|setup|go-live|rollout|training
            price and value,price|prices|pricing|expensive|cheap|cost|costs|value for money|discount|discounts
            product quality,quality|defect|defects|defective|faulty|broken
            reliability,outage|outages|downtime|crash|crashes|unreliable|unstable|breakdown|breakdowns
            delivery,delivery|deliveries|shipment|shipments|shipping|lead time|lead times|on time|late
            account management,account manager|account managers|account management|account team|sales rep|\
            follow up|follows up|relationship manager
            billing,invoice|invoices|invoicing|billing|billed|payment|payments|credit note
            documentation,documentation|manual|manuals|docs|instructions|knowledge base
            """;

    /** How readout rules name this codebook: {@value}. */
    public static final String NAME = "built-in B2B codebook";

    private static final Codebook BOOK = Codebook.parse(CSV, NAME);

    private DefaultCodebook() {
    }

    /**
     * Returns the built-in codebook.
     *
     * @return the codebook of {@link #CSV}
     */
    public static Codebook b2b() {
        return BOOK;
    }
}
