package io.github.nps4j.testkit;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * A jqwik domain context that provides the {@link NpsArbitraries} for plain {@code @ForAll} parameters of the types
 * {@link Category}, {@link Role}, {@link Tier}, {@link EpisodeType}, {@link Response}, {@link Account},
 * {@link Portfolio} and {@link SyntheticPortfolio}. Scores are plain {@code int}s: use
 * {@code @ForAll @IntRange(max = 10) int score} or {@code @ForAll("scores")} with {@link NpsArbitraries#scores()}.
 *
 * <p>As with any jqwik domain, a property that names only this domain sees only its types; add
 * {@code @Domain(DomainContext.Global.class)} to keep jqwik's defaults for other parameters. Example usage:
 * <pre>{@code
 * @Property
 * @Domain(NpsDomain.class)
 * void withRolesKeepsResponses(@ForAll Portfolio p) {
 *     assertEquals(p.responses().size(), p.withRoles().responses().size());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class NpsDomain extends DomainContextBase {
    /** Creates the domain context; jqwik calls this. */
    public NpsDomain() {
    }

    /**
     * Provides categories.
     *
     * @return {@link NpsArbitraries#categories()}
     */
    @Provide
    public Arbitrary<Category> categories() {
        return NpsArbitraries.categories();
    }

    /**
     * Provides roles.
     *
     * @return {@link NpsArbitraries#roles()}
     */
    @Provide
    public Arbitrary<Role> roles() {
        return NpsArbitraries.roles();
    }

    /**
     * Provides tiers.
     *
     * @return {@link NpsArbitraries#tiers()}
     */
    @Provide
    public Arbitrary<Tier> tiers() {
        return NpsArbitraries.tiers();
    }

    /**
     * Provides episode types.
     *
     * @return {@link NpsArbitraries#episodes()}
     */
    @Provide
    public Arbitrary<EpisodeType> episodes() {
        return NpsArbitraries.episodes();
    }

    /**
     * Provides responses.
     *
     * @return {@link NpsArbitraries#responses()}
     */
    @Provide
    public Arbitrary<Response> responses() {
        return NpsArbitraries.responses();
    }

    /**
     * Provides accounts.
     *
     * @return {@link NpsArbitraries#accounts()}
     */
    @Provide
    public Arbitrary<Account> accounts() {
        return NpsArbitraries.accounts();
    }

    /**
     * Provides portfolios.
     *
     * @return {@link NpsArbitraries#portfolios()}
     */
    @Provide
    public Arbitrary<Portfolio> portfolios() {
        return NpsArbitraries.portfolios();
    }

    /**
     * Provides synthetic portfolios.
     *
     * @return {@link NpsArbitraries#syntheticPortfolios()}
     */
    @Provide
    public Arbitrary<SyntheticPortfolio> syntheticPortfolios() {
        return NpsArbitraries.syntheticPortfolios();
    }
}
