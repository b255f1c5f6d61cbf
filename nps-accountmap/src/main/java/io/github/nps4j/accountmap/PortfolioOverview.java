package io.github.nps4j.accountmap;

import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The portfolio at a glance: accounts ranked by risk, coverage by role summed over all accounts, and the
 * account-count NPS.
 *
 * <p>Ranking: by {@link MappedAccount#riskScore()} descending (severity × annual value), then by severity
 * descending, then by account id — so accounts whose value is unknown are still ordered by severity.
 *
 * @param ranking every account, riskiest first
 * @param coverageByRole coverage per role across the portfolio, in seniority order
 * @param accountCountNps the account-count NPS (value-weighted too when every classified account has a value)
 * @since 0.1.0
 */
public record PortfolioOverview(List<RiskEntry> ranking, Map<Role, RoleCoverage> coverageByRole,
        AccountCountNps accountCountNps) {

    /** Copies the collections. */
    public PortfolioOverview {
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(coverageByRole, "coverageByRole");
        ranking = List.copyOf(ranking);
        coverageByRole = Collections.unmodifiableMap(new LinkedHashMap<>(coverageByRole));
        Objects.requireNonNull(accountCountNps, "accountCountNps");
    }
}
