package io.github.nps4j.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * De-duplication of repeat answers, applied as a filter before weighting (never as a weight).
 *
 * @since 0.1.0
 */
public enum Dedupe {
    /** Every response counts. */
    NONE,
    /**
     * A contact's latest answer counts once (relationship NPS). Latest = greatest {@code answeredAt}; equal times
     * are broken by the greatest response id, so the result does not depend on input order.
     */
    LATEST_PER_CONTACT;

    /** Orders responses by answer time, then id: the last is the one kept. */
    public static final Comparator<Response> LATEST_ORDER =
            Comparator.comparing(Response::answeredAt).thenComparing(Response::id);

    /**
     * Applies the rule.
     *
     * @param responses the responses
     * @return the responses kept, in their original order
     */
    public List<Response> apply(List<Response> responses) {
        if (this == NONE) {
            return List.copyOf(responses);
        }
        // One pass, remembering each contact's latest answer and its position: a list may make its responses on
        // access (a portfolio read from CSV), so a second pass could not find the kept ones by identity.
        Map<String, Response> latest = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        int i = 0;
        for (Response r : responses) {
            Response current = latest.get(r.contactId());
            if (current == null || LATEST_ORDER.compare(current, r) < 0) {
                latest.put(r.contactId(), r);
                position.put(r.contactId(), i);
            }
            i++;
        }
        Response[] kept = new Response[i];
        latest.forEach((contact, r) -> kept[position.get(contact)] = r);
        List<Response> out = new ArrayList<>(latest.size());
        for (Response r : kept) {
            if (r != null) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Parses {@code none} or {@code latest-per-contact}.
     *
     * @param name the name
     * @return the rule
     * @throws IllegalArgumentException on anything else
     */
    public static Dedupe parse(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name.strip()) {
            case "none" -> NONE;
            case "latest-per-contact" -> LATEST_PER_CONTACT;
            default -> throw new IllegalArgumentException(
                    "unknown dedupe '" + name + "'; expected none or latest-per-contact");
        };
    }

    /**
     * Returns the name as {@link #parse} reads it.
     *
     * @return {@code none} or {@code latest-per-contact}
     */
    public String label() {
        return this == NONE ? "none" : "latest-per-contact";
    }
}
