package io.github.nps4j.testkit;

import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.synthetic.Truth;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Asks for a seeded {@link SyntheticPortfolio} (or its {@code Portfolio} or {@link Truth}) to be injected into a test
 * method parameter. Registers {@link SyntheticPortfolioExtension}; on a parameter it applies to that parameter, on a
 * method or class it sets the default for the parameters below it.
 *
 * <p>Example usage:
 * <pre>{@code
 * @Test
 * void everyPlantedDeciderDetractorIsFlagged(@Synthetic(seed = 7, accounts = 80) SyntheticPortfolio p) {
 *     ...
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@ExtendWith(SyntheticPortfolioExtension.class)
public @interface Synthetic {
    /**
     * The seed.
     *
     * @return the seed (default 42)
     */
    long seed() default 42;

    /**
     * The number of accounts.
     *
     * @return the number of accounts (default 60), at least 4
     */
    int accounts() default 60;
}
