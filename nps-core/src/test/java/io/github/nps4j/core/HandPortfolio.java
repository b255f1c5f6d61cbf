package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.d;
import static io.github.nps4j.core.Fixtures.resp;

import java.util.List;
import java.util.Map;

/**
 * A small portfolio whose weights and NPS are worked out by hand in the tests.
 *
 * <pre>
 * account  value  tier         region   responses
 * A1       100    direct       emea     r1 DM   2026-01-15 10 P (Q1)
 * A2       300    distributor  amer     r2 DM   2026-02-10  6 D (Q1)   r3 USER 2026-04-05 9 P (Q2)
 * A3       600    direct       —        r4 DM   2026-01-20  9 P (Q1)   r5 INF  2026-02-20 7 A (Q1)
 *                                       r6 USER 2026-03-01  3 D (Q1)   r7 USER 2026-05-01 10 P (Q2)
 *                                       r8 GK   2026-06-01  8 A (Q2)
 * </pre>
 * Unweighted: 4 promoters (r1, r3, r4, r7), 2 passives (r5, r8), 2 detractors (r2, r6).
 */
final class HandPortfolio {
    static final Account A1 = Account.builder("A1").annualValue(100).tier(Tier.DIRECT).segment("region", "emea")
            .build();
    static final Account A2 = Account.builder("A2").annualValue(300).tier(Tier.DISTRIBUTOR)
            .segment("region", "amer").build();
    static final Account A3 = Account.builder("A3").annualValue(600).tier(Tier.DIRECT).build();
    static final List<Account> ACCOUNTS = List.of(A1, A2, A3);
    static final Map<String, Account> BY_ID = Map.of("A1", A1, "A2", A2, "A3", A3);

    static final List<Response> RESPONSES = List.of(
            resp("r1", "A1", "c1", Role.DECISION_MAKER, d(1, 15), 10),
            resp("r2", "A2", "c2", Role.DECISION_MAKER, d(2, 10), 6),
            resp("r3", "A2", "c3", Role.USER, d(4, 5), 9),
            resp("r4", "A3", "c4", Role.DECISION_MAKER, d(1, 20), 9),
            resp("r5", "A3", "c5", Role.INFLUENCER, d(2, 20), 7),
            resp("r6", "A3", "c6", Role.USER, d(3, 1), 3),
            resp("r7", "A3", "c7", Role.USER, d(5, 1), 10),
            resp("r8", "A3", "c8", Role.GATEKEEPER, d(6, 1), 8));

    private HandPortfolio() {
    }
}
