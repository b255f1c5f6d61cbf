package io.github.nps4j.core;

import java.util.List;
import java.util.Objects;

/**
 * One group's responses with the weights the chosen {@link Weighting} gave them; the raw material for the group's
 * estimate and for statistics that need more than totals (clustered standard errors, bootstrap).
 *
 * <p>Immutable: the weight array is copied in and out.
 *
 * @param key the group's key
 * @param responses the group's responses after filtering and de-duplication
 * @param weights one weight per response
 * @since 0.1.0
 */
public record WeightedGroup(GroupKey key, List<Response> responses, double[] weights) {
    /**
     * Copies and checks the data.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public WeightedGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(weights, "weights");
        responses = List.copyOf(responses);
        weights = weights.clone();
        if (weights.length != responses.size()) {
            throw new IllegalArgumentException(
                    "group " + key + " has " + responses.size() + " responses but " + weights.length + " weights");
        }
    }

    /**
     * Returns a copy of the weights.
     *
     * @return one weight per response
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns the weight of one response.
     *
     * @param i the response's index in {@link #responses()}
     * @return its weight
     */
    public double weight(int i) {
        return weights[i];
    }

    /**
     * Tallies the group.
     *
     * @return the group's estimate
     */
    public NpsEstimate estimate() {
        Tally t = new Tally();
        for (int i = 0; i < weights.length; i++) {
            t.add(responses.get(i).category(), weights[i]);
        }
        return t.snapshot();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedGroup g && g.key.equals(key) && g.responses.equals(responses)
                && java.util.Arrays.equals(g.weights, weights);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + java.util.Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "WeightedGroup[key=" + key + ", n=" + responses.size() + "]";
    }
}
