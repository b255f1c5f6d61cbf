package io.github.nps4j.core;

import io.github.nps4j.core.internal.WeightRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How much each response counts in a group's NPS. All options are exact and composable:
 *
 * <table>
 * <caption>Weight of response i</caption>
 * <tr><th>label</th><th>weight</th></tr>
 * <tr><td>{@code none}</td><td>1</td></tr>
 * <tr><td>{@code role}</td><td>its role's weight</td></tr>
 * <tr><td>{@code account-equal}</td><td>1 / (responses of its account in the group): every account counts once</td></tr>
 * <tr><td>{@code account-value}</td><td>value(account) / (responses of its account in the group): revenue-weighted</td></tr>
 * <tr><td>{@code role+account-equal}</td><td>role weight normalised within the account (in the group), times 1</td></tr>
 * <tr><td>{@code role+account-value}</td><td>role weight normalised within the account, times the account's value</td></tr>
 * <tr><td>custom</td><td>a caller's function of the response</td></tr>
 * </table>
 *
 * <p>Account normalisation happens <em>within each group being scored</em>: grouped by period, every account weighs 1
 * (or its value) in each period; grouped by role, in each role. If every response of an account has role weight 0,
 * that account contributes nothing to the group under {@code role+account-*}. Weights are used only through ratios,
 * so scaling them all leaves NPS unchanged.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * Weighting w = Weighting.parse("role+account-equal", RoleWeights.defaults());
 * double[] weights = w.weigh(groupResponses, accountsById);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Weighting {
    /**
     * The options and what each one does; adding an option is adding a constant here (its rules follow from the
     * three flags and are applied by one algebra for every engine) and a factory.
     */
    private enum Kind {
        NONE(false, false, false),
        ROLE(true, false, false),
        ACCOUNT_EQUAL(false, true, false),
        ACCOUNT_VALUE(false, true, true),
        ROLE_ACCOUNT_EQUAL(true, true, false),
        ROLE_ACCOUNT_VALUE(true, true, true),
        CUSTOM(false, false, false);

        final boolean byRole;
        final boolean withinAccounts;
        final boolean byValue;

        Kind(boolean byRole, boolean withinAccounts, boolean byValue) {
            this.byRole = byRole;
            this.withinAccounts = withinAccounts;
            this.byValue = byValue;
        }
    }

    private static final Weighting NONE = new Weighting(Kind.NONE, "none", RoleWeights.defaults(), null);

    private final Kind kind;
    private final String label;
    private final RoleWeights roleWeights;
    private final ToDoubleFunction<Response> custom;

    private Weighting(Kind kind, String label, RoleWeights roleWeights, ToDoubleFunction<Response> custom) {
        this.kind = kind;
        this.label = label;
        this.roleWeights = roleWeights;
        this.custom = custom;
    }

    /**
     * Returns the unweighted option: every response weighs 1.
     *
     * @return the {@code none} weighting
     */
    public static Weighting none() {
        return NONE;
    }

    /**
     * Returns the {@code role} option: each response weighs its role's weight.
     *
     * @param roleWeights the role weights
     * @return the {@code role} weighting
     */
    public static Weighting role(RoleWeights roleWeights) {
        return new Weighting(Kind.ROLE, "role", Objects.requireNonNull(roleWeights, "roleWeights"), null);
    }

    /**
     * Returns the {@code account-equal} option: each response weighs 1/(responses of its account in the group), so
     * every account counts once in each group.
     *
     * @return the {@code account-equal} weighting
     */
    public static Weighting accountEqual() {
        return new Weighting(Kind.ACCOUNT_EQUAL, "account-equal", RoleWeights.defaults(), null);
    }

    /**
     * Returns the {@code account-value} option (revenue-weighted NPS): each response weighs value(account)/(responses
     * of its account in the group), so every account counts by its annual value in each group.
     *
     * @return the {@code account-value} weighting
     */
    public static Weighting accountValue() {
        return new Weighting(Kind.ACCOUNT_VALUE, "account-value", RoleWeights.defaults(), null);
    }

    /**
     * Returns the {@code role+account-equal} option: role weights normalised within each account in the group, so that
     * every account counts once.
     *
     * @param roleWeights the role weights
     * @return the {@code role+account-equal} weighting
     */
    public static Weighting roleAccountEqual(RoleWeights roleWeights) {
        return new Weighting(Kind.ROLE_ACCOUNT_EQUAL, "role+account-equal",
                Objects.requireNonNull(roleWeights, "roleWeights"), null);
    }

    /**
     * Returns the {@code role+account-value} option: role weights normalised within each account in the group, times
     * the account's annual value.
     *
     * @param roleWeights the role weights
     * @return the {@code role+account-value} weighting
     */
    public static Weighting roleAccountValue(RoleWeights roleWeights) {
        return new Weighting(Kind.ROLE_ACCOUNT_VALUE, "role+account-value",
                Objects.requireNonNull(roleWeights, "roleWeights"), null);
    }

    /**
     * A caller-defined weight per response.
     *
     * @param label a name for outputs, e.g. {@code influence}
     * @param weight the weight of a response; must return a finite number {@code >= 0}
     * @return the weighting
     */
    public static Weighting custom(String label, ToDoubleFunction<Response> weight) {
        return new Weighting(Kind.CUSTOM, Ids.require(label, "label"), RoleWeights.defaults(),
                Objects.requireNonNull(weight, "weight"));
    }

    /**
     * Parses a weighting name as the command line spells it.
     *
     * @param name {@code none}, {@code role}, {@code account-equal}, {@code account-value},
     *        {@code role+account-equal} or {@code role+account-value}
     * @param roleWeights the role weights for the role-based options
     * @return the weighting
     * @throws IllegalArgumentException on an unknown name, listing the valid ones
     */
    public static Weighting parse(String name, RoleWeights roleWeights) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleWeights, "roleWeights");
        return switch (name.strip()) {
            case "none" -> none();
            case "role" -> role(roleWeights);
            case "account-equal" -> accountEqual();
            case "account-value" -> accountValue();
            case "role+account-equal" -> roleAccountEqual(roleWeights);
            case "role+account-value" -> roleAccountValue(roleWeights);
            default -> throw new IllegalArgumentException("unknown weighting '" + name + "'; expected none, role, "
                    + "account-equal, account-value, role+account-equal or role+account-value");
        };
    }

    /**
     * Returns the name of this weighting, as {@link #parse} reads it (or the custom label).
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Returns the role weights used by the role-based options.
     *
     * @return the role weights
     */
    public RoleWeights roleWeights() {
        return roleWeights;
    }

    /**
     * Tells whether this weighting needs the accounts' annual values.
     *
     * @return true for {@code account-value} and {@code role+account-value}
     */
    public boolean needsAccountValues() {
        return kind.byValue;
    }

    /**
     * Tells whether this is a caller-defined weighting ({@link #custom}), whose weights only its function knows.
     *
     * @return true for a custom weighting
     * @since 0.1.0
     */
    public boolean isCustom() {
        return kind == Kind.CUSTOM;
    }

    /**
     * Tells whether responses are weighted by their role: {@code role}, {@code role+account-equal} and
     * {@code role+account-value}.
     *
     * @return true for the role-based options
     * @since 0.1.0
     */
    public boolean usesRoleWeights() {
        return kind.byRole;
    }

    /**
     * Tells whether weights are normalised within each account of a group, so that the account's responses together
     * weigh 1 or the account's value.
     *
     * @return true for {@code account-equal}, {@code account-value}, {@code role+account-equal} and
     *         {@code role+account-value}
     * @since 0.1.0
     */
    public boolean normalisesWithinAccounts() {
        return kind.withinAccounts;
    }

    /**
     * Computes the weights of one group's responses, normalising within the group's accounts.
     *
     * @param group the responses of one group
     * @param accounts accounts by id (needed for value-based options; may be empty otherwise)
     * @return one weight per response, in the order given
     * @throws IllegalArgumentException when a value-based option meets an account that is unknown or has no annual
     *         value, or a custom function returns a negative or non-finite weight (naming the response)
     */
    public double[] weigh(List<Response> group, Map<String, Account> accounts) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(accounts, "accounts");
        if (kind == Kind.CUSTOM) {
            double[] w = new double[group.size()];
            for (int i = 0; i < w.length; i++) {
                Response r = group.get(i);
                double x = custom.applyAsDouble(r);
                if (!(x >= 0) || x == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("weighting '" + label + "' gave weight " + x
                            + " to response " + r.id() + "; weights must be finite and >= 0");
                }
                w[i] = x;
            }
            return w;
        }
        return WeightRules.of(this).weigh(group, accounts);
    }

    /**
     * Compares the option, its label and role weights; custom weightings are equal only to themselves.
     *
     * @param o another object
     * @return true for the same weighting
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Weighting w && (w == this || kind != Kind.CUSTOM && w.kind == kind
                && w.label.equals(label) && w.roleWeights.equals(roleWeights));
    }

    @Override
    public int hashCode() {
        return kind == Kind.CUSTOM ? System.identityHashCode(this) : kind.hashCode() * 31 + roleWeights.hashCode();
    }

    @Override
    public String toString() {
        return label;
    }
}
