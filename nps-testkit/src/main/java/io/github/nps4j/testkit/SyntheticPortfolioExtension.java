package io.github.nps4j.testkit;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.synthetic.Truth;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that injects seeded synthetic data into test method and constructor parameters of type
 * {@link SyntheticPortfolio}, {@link Portfolio} (its {@link SyntheticPortfolio#portfolio()}) or {@link Truth}.
 *
 * <p>The seed and size come from the nearest {@link Synthetic} annotation — on the parameter, then the method, then
 * the test class and its enclosing classes — or default to seed 42 and 60 accounts. Portfolios are generated once per
 * seed and size and shared by all tests of the run (they are immutable).
 *
 * <p>Example usage:
 * <pre>{@code
 * @ExtendWith(SyntheticPortfolioExtension.class)
 * class MyReportTest {
 *     @Test
 *     void rendersEveryAccount(SyntheticPortfolio p) { ... }             // seed 42, 60 accounts
 *
 *     @Test
 *     void rendersSmallPortfolio(@Synthetic(seed = 3, accounts = 8) Portfolio p) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SyntheticPortfolioExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SyntheticPortfolioExtension.class);

    /** Creates the extension; JUnit calls this. */
    public SyntheticPortfolioExtension() {
    }

    /**
     * Supports parameters of type {@link SyntheticPortfolio}, {@link Portfolio} and {@link Truth}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test
     * @return whether the parameter is one of those types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == SyntheticPortfolio.class || type == Portfolio.class || type == Truth.class;
    }

    /**
     * Generates (or reuses) the portfolio and returns the requested view of it.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test
     * @return the synthetic portfolio, its core portfolio, or its truth
     * @throws ParameterResolutionException if the annotation's settings are invalid
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Synthetic settings = find(parameter)
                .or(() -> extensionContext.getTestMethod().flatMap(SyntheticPortfolioExtension::find))
                .or(() -> fromClasses(extensionContext.getTestClass().orElse(null)))
                .orElse(null);
        long seed = settings == null ? 42 : settings.seed();
        int accounts = settings == null ? 60 : settings.accounts();
        SyntheticPortfolio p;
        try {
            p = extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(seed + ":" + accounts,
                    k -> SyntheticPortfolio.builder().seed(seed).accounts(accounts).build(),
                    SyntheticPortfolio.class);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot generate a synthetic portfolio with seed " + seed
                    + " and " + accounts + " accounts for parameter " + parameter + ": " + e.getMessage(), e);
        }
        Class<?> type = parameter.getType();
        if (type == Portfolio.class) {
            return p.portfolio();
        }
        if (type == Truth.class) {
            return p.truth();
        }
        return p;
    }

    private static Optional<Synthetic> find(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(Synthetic.class));
    }

    private static Optional<Synthetic> fromClasses(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Synthetic s = c.getAnnotation(Synthetic.class);
            if (s != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
