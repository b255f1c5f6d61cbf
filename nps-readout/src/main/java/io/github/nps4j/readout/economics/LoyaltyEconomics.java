package io.github.nps4j.readout.economics;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.drivers.BinaryOutcome;
import io.github.nps4j.drivers.LogisticFit;
import io.github.nps4j.drivers.LogisticRegression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Loyalty economics of a portfolio: per account category the renewal rate, mean annual value, mean revenue growth and
 * lifetime value; the promoter-to-detractor lifetime-value ratio with a bootstrap interval; and a logistic model of
 * renewal on account NPS.
 *
 * <p>Accounts are grouped by the category their {@link AccountMap} assigns (its rule and window, as
 * {@code nps accounts}); accounts the map cannot categorise (no answer in the window) are counted in
 * {@link #uncategorisedAccounts()} and left out. Lifetime value = mean annual value / (1 − renewal rate), empty when
 * either is unknown or the rate is 1. The ratio is promoter lifetime value / detractor lifetime value, empty when
 * either is undefined or the detractors' is 0. The renewal model is the logistic regression of renewed (1) vs churned
 * (0) on the account NPS (in NPS points) over the accounts where both are known, fitted by
 * {@link LogisticRegression} with {@link BinaryOutcome#INDICATOR}; when it cannot be fitted (too few accounts, every
 * account renewed or none did, complete separation) it is empty and {@link #renewalModelNote()} says why.
 *
 * <p>Value-based and immutable. Example usage:
 * <pre>{@code
 * LoyaltyEconomics e = LoyaltyEconomics.of(AccountMap.of(portfolio, asOf), UncertaintyOptions.defaults());
 * for (CategoryEconomics c : e.categories()) System.out.println(c.category() + " " + c.lifetimeValue());
 * }</pre>
 *
 * @param asOf the account map's as-of day
 * @param categoryRule how accounts were categorised, as the account map states it
 * @param categories promoter, passive and detractor, in that order
 * @param uncategorisedAccounts accounts without a category (no answer in the window)
 * @param promoterToDetractorValueRatio promoter lifetime value / detractor lifetime value, if defined
 * @param ci its bootstrap interval, when the ratio is defined and some resample defines it
 * @param renewalModel renewal on account NPS ({@code accountNps}, per NPS point), when it could be fitted
 * @param renewalModelNote why there is no renewal model, if there is none
 * @since 0.1.0
 */
public record LoyaltyEconomics(LocalDate asOf, String categoryRule, List<CategoryEconomics> categories,
        int uncategorisedAccounts, OptionalDouble promoterToDetractorValueRatio, Optional<ValueRatioInterval> ci,
        Optional<LogisticFit> renewalModel, Optional<String> renewalModelNote) {

    /** The renewal model's predictor name. */
    public static final String ACCOUNT_NPS = "accountNps";

    private static final List<Category> ORDER = List.of(Category.PROMOTER, Category.PASSIVE, Category.DETRACTOR);

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException when the categories are not promoter, passive, detractor
     */
    public LoyaltyEconomics {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(categoryRule, "categoryRule");
        categories = List.copyOf(categories);
        if (!categories.stream().map(CategoryEconomics::category).toList().equals(ORDER)) {
            throw new IllegalArgumentException("categories must be promoter, passive, detractor");
        }
        Objects.requireNonNull(promoterToDetractorValueRatio, "promoterToDetractorValueRatio");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(renewalModel, "renewalModel");
        Objects.requireNonNull(renewalModelNote, "renewalModelNote");
    }

    /**
     * Computes the economics of the accounts of a map.
     *
     * @param map the account map (its rule and window categorise the accounts)
     * @param options the bootstrap's seed and resamples, and the interval's level
     * @return the economics
     */
    public static LoyaltyEconomics of(AccountMap map, UncertaintyOptions options) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(options, "options");
        Map<Category, List<MappedAccount>> by = new EnumMap<>(Category.class);
        ORDER.forEach(c -> by.put(c, new ArrayList<>()));
        int uncategorised = 0;
        for (MappedAccount a : map.accounts()) {
            Optional<Category> c = a.category();
            if (c.isPresent()) {
                by.get(c.get()).add(a);
            } else {
                uncategorised++;
            }
        }
        List<CategoryEconomics> categories = new ArrayList<>();
        for (Category c : ORDER) {
            categories.add(category(c, by.get(c)));
        }
        OptionalDouble ratio = ratio(categories.get(0).lifetimeValue(), categories.get(2).lifetimeValue());
        Optional<ValueRatioInterval> ci = ratio.isPresent()
                ? bootstrap(by.get(Category.PROMOTER), by.get(Category.DETRACTOR), options)
                : Optional.empty();
        List<double[]> rows = new ArrayList<>();
        for (MappedAccount a : map.accounts()) {
            Optional<Boolean> renewed = a.account().outcome().renewed();
            OptionalDouble nps = a.nps();
            if (renewed.isPresent() && nps.isPresent()) {
                rows.add(new double[] {nps.getAsDouble(), renewed.get() ? 1 : 0});
            }
        }
        Optional<LogisticFit> model = Optional.empty();
        Optional<String> note = Optional.empty();
        if (rows.size() < 3) {
            note = Optional.of("renewal model needs at least 3 accounts with a known renewal and an account NPS, found "
                    + rows.size());
        } else {
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i)[0];
                y[i] = rows.get(i)[1];
            }
            try {
                model = Optional.of(LogisticRegression.fit(List.of(ACCOUNT_NPS), new double[][] {x}, y, null,
                        BinaryOutcome.INDICATOR));
            } catch (IllegalArgumentException e) {
                note = Optional.of("renewal model not fitted: " + e.getMessage());
            }
        }
        return new LoyaltyEconomics(map.asOf(), map.options().categoryRule().description(), categories,
                uncategorised, ratio, ci, model, note);
    }

    /**
     * Returns one category's economics.
     *
     * @param category the category
     * @return its figures
     */
    public CategoryEconomics category(Category category) {
        return categories.get(ORDER.indexOf(Objects.requireNonNull(category, "category")));
    }

    static CategoryEconomics category(Category c, List<MappedAccount> accounts) {
        int known = 0;
        int renewed = 0;
        int valued = 0;
        double value = 0;
        int grown = 0;
        double growth = 0;
        for (MappedAccount a : accounts) {
            Optional<Boolean> r = a.account().outcome().renewed();
            if (r.isPresent()) {
                known++;
                renewed += r.get() ? 1 : 0;
            }
            OptionalDouble v = a.account().annualValue();
            if (v.isPresent()) {
                valued++;
                value += v.getAsDouble();
            }
            OptionalDouble g = a.account().outcome().revenueGrowth();
            if (g.isPresent()) {
                grown++;
                growth += g.getAsDouble();
            }
        }
        OptionalDouble rate = known == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) renewed / known);
        OptionalDouble mean = valued == 0 ? OptionalDouble.empty() : OptionalDouble.of(value / valued);
        OptionalDouble meanGrowth = grown == 0 ? OptionalDouble.empty() : OptionalDouble.of(growth / grown);
        return new CategoryEconomics(c, accounts.size(), known, rate, mean, meanGrowth, lifetimeValue(mean, rate));
    }

    static OptionalDouble lifetimeValue(OptionalDouble meanValue, OptionalDouble renewalRate) {
        if (meanValue.isEmpty() || renewalRate.isEmpty() || renewalRate.getAsDouble() >= 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(meanValue.getAsDouble() / (1 - renewalRate.getAsDouble()));
    }

    static OptionalDouble ratio(OptionalDouble promoter, OptionalDouble detractor) {
        if (promoter.isEmpty() || detractor.isEmpty() || !(detractor.getAsDouble() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(promoter.getAsDouble() / detractor.getAsDouble());
    }

    private static Optional<ValueRatioInterval> bootstrap(List<MappedAccount> promoters, List<MappedAccount> detractors,
            UncertaintyOptions options) {
        SplittableRandom rnd = new SplittableRandom(options.seed());
        int b = options.resamples();
        double[] ratios = new double[b];
        int defined = 0;
        List<MappedAccount> p = new ArrayList<>(promoters.size());
        List<MappedAccount> d = new ArrayList<>(detractors.size());
        for (int i = 0; i < b; i++) {
            p.clear();
            d.clear();
            for (int j = 0; j < promoters.size(); j++) {
                p.add(promoters.get(rnd.nextInt(promoters.size())));
            }
            for (int j = 0; j < detractors.size(); j++) {
                d.add(detractors.get(rnd.nextInt(detractors.size())));
            }
            OptionalDouble r = resampledRatio(category(Category.PROMOTER, p), category(Category.DETRACTOR, d));
            if (r.isPresent()) {
                ratios[defined++] = r.getAsDouble();
            }
        }
        if (defined == 0) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(ratios, defined);
        Arrays.sort(sorted);
        double alpha = 1 - options.level();
        return Optional.of(new ValueRatioInterval(quantile(sorted, alpha / 2), quantile(sorted, 1 - alpha / 2),
                options.level(), options.seed(), b, b - defined));
    }

    /**
     * The ratio in one resample, keeping its extremes: a resampled category whose every known account renewed has an
     * unbounded lifetime value, so the ratio is +∞ (promoters) or 0 (detractors) rather than left out, which would bias
     * the interval; empty when a category lacks a known renewal or value, both lifetime values are unbounded, or both
     * are 0.
     */
    static OptionalDouble resampledRatio(CategoryEconomics p, CategoryEconomics d) {
        if (p.meanAnnualValue().isEmpty() || p.renewalRate().isEmpty() || d.meanAnnualValue().isEmpty()
                || d.renewalRate().isEmpty()) {
            return OptionalDouble.empty();
        }
        double lp = p.renewalRate().getAsDouble() >= 1 ? Double.POSITIVE_INFINITY : p.lifetimeValue().getAsDouble();
        double ld = d.renewalRate().getAsDouble() >= 1 ? Double.POSITIVE_INFINITY : d.lifetimeValue().getAsDouble();
        if (Double.isInfinite(lp) && Double.isInfinite(ld) || lp == 0 && ld == 0) {
            return OptionalDouble.empty();
        }
        if (Double.isInfinite(ld)) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(ld == 0 ? Double.POSITIVE_INFINITY : lp / ld);
    }

    /** The R type-7 quantile of sorted values (linear interpolation); +∞ when it touches an infinite value. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[hi]) && h > lo) {
            return Double.POSITIVE_INFINITY;
        }
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
