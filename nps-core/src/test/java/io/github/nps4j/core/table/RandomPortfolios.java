package io.github.nps4j.core.table;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.Weighting;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assertions;

/** Seeded random portfolios, scoring options and a tolerant comparison of results, shared by the property tests. */
public final class RandomPortfolios {
    public static final List<Role> ROLES = List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.USER, Role.GATEKEEPER,
            Role.of("procurement"));
    public static final List<EpisodeType> EPISODES = List.of(EpisodeType.RELATIONSHIP, EpisodeType.SERVICE_EVENT);
    public static final List<GroupField> FIELDS = List.of(GroupField.ACCOUNT, GroupField.ROLE, GroupField.EPISODE,
            GroupField.TIER, GroupField.period(PeriodUnit.MONTH), GroupField.period(PeriodUnit.QUARTER),
            GroupField.period(PeriodUnit.YEAR));

    /** A random data set. */
    public record Data(List<Account> accounts, List<Contact> contacts, List<Response> responses) {
    }

    /** Random scoring options. */
    public record Options(Weighting weighting, List<GroupField> fields, Dedupe dedupe, boolean mixEpisodes,
            Optional<LocalDate[]> window) {
    }

    private RandomPortfolios() {
    }

    /** Generates a data set; every account is known and has an annual value. */
    public static Data data(Random rnd, int maxResponses) {
        int nAccounts = 1 + rnd.nextInt(6);
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < nAccounts; a++) {
            accounts.add(Account.builder("A" + a).tier(rnd.nextBoolean() ? Tier.DIRECT : Tier.DISTRIBUTOR)
                    .annualValue(rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(1000) + rnd.nextDouble()).build());
        }
        List<Contact> contacts = new ArrayList<>();
        int nContacts = 1 + rnd.nextInt(12);
        for (int c = 0; c < nContacts; c++) {
            contacts.add(Contact.of("C" + c, "A" + rnd.nextInt(nAccounts), ROLES.get(rnd.nextInt(ROLES.size()))));
        }
        List<Response> responses = new ArrayList<>();
        int n = rnd.nextInt(maxResponses + 1);
        LocalDate base = LocalDate.of(2025, 11, 20);
        for (int i = 0; i < n; i++) {
            Contact c = contacts.get(rnd.nextInt(nContacts));
            LocalDateTime at = base.plusDays(rnd.nextInt(rnd.nextBoolean() ? 5 : 500))
                    .atTime(rnd.nextBoolean() ? 0 : rnd.nextInt(3), 0);
            Response.Builder b = Response.builder(String.format("R%03d", rnd.nextInt(1000)) + "-" + i,
                    c.accountId(), c.id()).answeredAt(at).score(rnd.nextInt(11))
                    .episode(rnd.nextInt(4) == 0 ? EPISODES.get(1) : EPISODES.get(0));
            int roleChoice = rnd.nextInt(6);
            if (roleChoice == 0) {
                b.role(ROLES.get(rnd.nextInt(ROLES.size())));
            } else if (roleChoice > 1) {
                b.role(c.role());
            }
            responses.add(b.build());
        }
        Collections.shuffle(responses, rnd);
        return new Data(accounts, contacts, responses);
    }

    /** Random options covering every non-custom weighting. */
    public static Options options(Random rnd) {
        RoleWeights rw = new RoleWeights(Map.of(Role.DECISION_MAKER, (double) rnd.nextInt(4), Role.INFLUENCER,
                rnd.nextDouble() * 2, Role.USER, rnd.nextBoolean() ? 0.0 : 1.0), rnd.nextBoolean() ? 1.0 : 0.5);
        String[] names = {"none", "role", "account-equal", "account-value", "role+account-equal",
                "role+account-value"};
        Weighting w = Weighting.parse(names[rnd.nextInt(names.length)], rw);
        List<GroupField> pool = new ArrayList<>(FIELDS);
        Collections.shuffle(pool, rnd);
        int k = rnd.nextInt(4);
        List<GroupField> fields = new ArrayList<>();
        for (GroupField f : pool) {
            if (fields.size() == k) {
                break;
            }
            if (f.periodUnit().isPresent() && fields.stream().anyMatch(g -> g.periodUnit().isPresent())) {
                continue;
            }
            fields.add(f);
        }
        Dedupe d = rnd.nextBoolean() ? Dedupe.NONE : Dedupe.LATEST_PER_CONTACT;
        boolean mix = rnd.nextInt(3) > 0;
        Optional<LocalDate[]> window = rnd.nextInt(4) == 0
                ? Optional.of(new LocalDate[] {LocalDate.of(2025, 12, 1), LocalDate.of(2026, 6, 30)})
                : Optional.empty();
        return new Options(w, fields, d, mix, window);
    }

    /** Builds the one spec that every engine scores with. */
    public static io.github.nps4j.core.ScoringSpec spec(Options o) {
        io.github.nps4j.core.ScoringSpec.Builder b = io.github.nps4j.core.ScoringSpec.builder()
                .weighting(o.weighting()).groupBy(o.fields()).dedupe(o.dedupe()).mixEpisodes(o.mixEpisodes());
        o.window().ifPresent(w -> b.window(w[0], w[1]));
        return b.build();
    }

    /** Builds the table scorer for options. */
    public static TableScorer tableScorer(Options o) {
        return TableScorer.of(spec(o));
    }

    /** Builds the object scorer for options. */
    public static io.github.nps4j.core.NpsScorer objectScorer(Options o, List<Account> accounts) {
        return io.github.nps4j.core.NpsScorer.of(spec(o), accounts);
    }

    /** Asserts two results agree: keys and counts exactly, weight sums and NPS within 1e-12 relative. */
    public static void assertSame(GroupedEstimates expected, GroupedEstimates actual) {
        Assertions.assertEquals(expected.weighting(), actual.weighting());
        Assertions.assertEquals(expected.dedupe(), actual.dedupe());
        Assertions.assertEquals(expected.fields(), actual.fields());
        Assertions.assertEquals(expected.overall().isPresent(), actual.overall().isPresent(), "overall presence");
        expected.overall().ifPresent(e -> assertSame("overall", e, actual.overall().get()));
        Assertions.assertEquals(expected.groups().stream().map(GroupedEstimates.Entry::key).toList(),
                actual.groups().stream().map(GroupedEstimates.Entry::key).toList(), "group keys");
        for (int i = 0; i < expected.groups().size(); i++) {
            assertSame(expected.groups().get(i).key().toString(), expected.groups().get(i).estimate(),
                    actual.groups().get(i).estimate());
        }
    }

    public static void assertSame(String where, NpsEstimate e, NpsEstimate a) {
        Assertions.assertEquals(e.detractors(), a.detractors(), where + " detractors");
        Assertions.assertEquals(e.passives(), a.passives(), where + " passives");
        Assertions.assertEquals(e.promoters(), a.promoters(), where + " promoters");
        for (io.github.nps4j.core.Category c : io.github.nps4j.core.Category.values()) {
            close(where + " " + c + " weight", e.weightSum(c), a.weightSum(c));
            close(where + " " + c + " weight sq", e.weightSquareSum(c), a.weightSquareSum(c));
        }
        Assertions.assertEquals(e.isDefined(), a.isDefined(), where + " defined");
        if (e.isDefined()) {
            close(where + " nps", e.npsValue(), a.npsValue());
            close(where + " se", e.standardError().getAsDouble(), a.standardError().getAsDouble());
        }
    }

    public static void close(String what, double e, double a) {
        double tol = 1e-12 * Math.max(1.0, Math.max(Math.abs(e), Math.abs(a)));
        if (Math.abs(e - a) > tol) {
            Assertions.fail(what + ": expected " + e + " but was " + a);
        }
    }
}
