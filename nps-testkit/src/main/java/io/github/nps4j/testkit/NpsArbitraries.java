package io.github.nps4j.testkit;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import io.github.nps4j.synthetic.HostileText;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik {@link Arbitrary} factories for the nps4j domain. Everything they generate is valid by construction — also
 * every value jqwik tries while shrinking: values are built from plain parts (numbers, short lists, lowercase words)
 * that shrink on their own, and ids are assigned afterwards, so a shrunk portfolio is still consistent (unique ids,
 * every reference resolves, parents come before children, responses carry their contact's role).
 *
 * <p>Example usage:
 * <pre>{@code
 * @Property
 * void npsIsBounded(@ForAll("portfolios") Portfolio p) {
 *     NpsEstimate e = NpsScorer.scoreAll(p.responses());
 *     assertTrue(!e.isDefined() || Math.abs(e.npsValue()) <= 100);
 * }
 *
 * @Provide
 * Arbitrary<Portfolio> portfolios() {
 *     return NpsArbitraries.portfolios();
 * }
 * }</pre>
 * or, with the domain context, {@code @Domain(NpsDomain.class)} and plain {@code @ForAll Portfolio p}.
 *
 * @since 0.1.0
 */
public final class NpsArbitraries {
    /** The attribute names that generated ratings use. */
    public static final List<String> ATTRIBUTES = List.of("account-management", "delivery", "onboarding", "price",
            "product-quality", "support");
    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    private NpsArbitraries() {
    }

    /**
     * Scores 0–10, shrinking towards 0.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Integer> scores() {
        return Arbitraries.integers().between(0, 10);
    }

    /**
     * The three categories.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Category> categories() {
        return Arbitraries.of(Category.class);
    }

    /**
     * Roles: mostly the four well-known ones, sometimes a custom lowercase-hyphen name such as {@code qa-lead}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Role> roles() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER, Role.USER)),
                Tuple.of(2, names().map(Role::of)));
    }

    /**
     * Tiers: mostly the four well-known ones, sometimes a custom name.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Tier> tiers() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(Tier.DIRECT, Tier.DISTRIBUTOR, Tier.RETAILER, Tier.END_USER)),
                Tuple.of(1, names().map(Tier::of)));
    }

    /**
     * Episode types: mostly {@code relationship}, then the well-known transactional ones, sometimes a custom name.
     *
     * @return the arbitrary
     */
    public static Arbitrary<EpisodeType> episodes() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(EpisodeType.RELATIONSHIP)),
                Tuple.of(3, Arbitraries.of(EpisodeType.ONBOARDING, EpisodeType.CONTRACT_NEGOTIATION,
                        EpisodeType.SERVICE_EVENT, EpisodeType.DELIVERY, EpisodeType.PROJECT_COMPLETION,
                        EpisodeType.RENEWAL)),
                Tuple.of(1, names().map(EpisodeType::of)));
    }

    /**
     * Comments: plain text, text with quotes, commas and line breaks, or one of the synthetic data's
     * {@linkplain HostileText#comments() hostile comments} ({@code <script>}, {@code =HYPERLINK(...)}, non-Latin text).
     * Never blank, no outer blanks.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> comments() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars(" ,.\"'\n!?äéß日本")
                .ofMinLength(1).ofMaxLength(40).map(s -> s.strip().isEmpty() ? "ok" : s.strip());
        return Arbitraries.frequencyOf(Tuple.of(4, text), Tuple.of(1, Arbitraries.of(HostileText.comments())));
    }

    /**
     * Attribute ratings: whole numbers 1–10 for a subset of {@link #ATTRIBUTES} (possibly none).
     *
     * @return the arbitrary
     */
    public static Arbitrary<Map<String, Double>> ratings() {
        return Arbitraries.maps(Arbitraries.of(ATTRIBUTES),
                Arbitraries.integers().between(1, 10).map(Integer::doubleValue)).ofMaxSize(ATTRIBUTES.size());
    }

    /**
     * Answer times from 2024-01-01 to the end of 2026, to the second.
     *
     * @return the arbitrary
     */
    public static Arbitrary<LocalDateTime> answerTimes() {
        return Combinators.combine(Arbitraries.integers().between(0, 3 * 365),
                Arbitraries.integers().between(0, 24 * 3600 - 1))
                .as((day, second) -> EPOCH.plusDays(day).atStartOfDay().plusSeconds(second));
    }

    /**
     * Single responses with ids {@code R<n>}, account ids {@code A1}–{@code A5} and contact ids {@code C1}–{@code C20};
     * role present or absent, any episode, score, comment and ratings. For consistent sets use {@link #portfolios()}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Response> responses() {
        Arbitrary<Body> body = body();
        return Combinators.combine(Arbitraries.integers().between(1, 1000), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 20), roles().optional(), body)
                .as((n, a, c, role, b) -> new Response("R" + n, "A" + a, "C" + c, role, b.episode, b.at, b.score,
                        b.comment, b.ratings));
    }

    /**
     * Single accounts without a parent: id {@code A<n>}, a name, a tier, maybe an annual value (whole, up to 10
     * million), maybe an owner, maybe {@code region} and {@code industry} tags.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Account> accounts() {
        return Combinators.combine(Arbitraries.integers().between(1, 999), accountParts())
                .as((n, parts) -> parts.account("A" + n, Optional.empty()));
    }

    /**
     * Consistent small portfolios: 1–6 accounts ({@code A1}…, parents always earlier accounts), 0–5 contacts each
     * ({@code C1}…), 0–3 responses per contact ({@code R1}…, carrying the contact's role), an invitation for every
     * response on its answer day and sometimes one for a contact who did not answer.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Portfolio> portfolios() {
        Arbitrary<ContactPart> contact = Combinators.combine(roles(), Arbitraries.of("operations", "finance",
                "engineering").optional(), body().list().ofMaxSize(3), Arbitraries.of(false, false, true))
                .as(ContactPart::new);
        Arbitrary<AccountPlan> account = Combinators.combine(accountParts(),
                Arbitraries.integers().between(0, 5).optional(), contact.list().ofMaxSize(5))
                .as(AccountPlan::new);
        return account.list().ofMinSize(1).ofMaxSize(6).map(NpsArbitraries::portfolio);
    }

    /**
     * Seeded synthetic portfolios of 4–12 accounts (small, so properties stay fast); shrinking goes to seed 0 and 4
     * accounts.
     *
     * @return the arbitrary
     */
    public static Arbitrary<SyntheticPortfolio> syntheticPortfolios() {
        return Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.integers().between(4, 12))
                .as((seed, n) -> SyntheticPortfolio.builder().seed(seed).accounts(n).largeAccounts(1, 20, 40)
                        .build());
    }

    private static Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        return word.list().ofMinSize(1).ofMaxSize(3).map(ws -> String.join("-", ws));
    }

    private record Body(EpisodeType episode, LocalDateTime at, int score, Optional<String> comment,
            Map<String, Double> ratings) {
    }

    private static Arbitrary<Body> body() {
        return Combinators.combine(episodes(), answerTimes(), scores(), comments().optional(0.4), ratings())
                .as(Body::new);
    }

    private record AccountParts(String name, Tier tier, Optional<Integer> value, Optional<String> owner,
            Optional<String> region, Optional<String> industry) {
        Account account(String id, Optional<String> parent) {
            Account.Builder b = Account.builder(id).name(name).tier(tier).owner(owner.orElse(null))
                    .parent(parent.orElse(null));
            value.ifPresent(v -> b.annualValue(v));
            region.ifPresent(r -> b.segment("region", r));
            industry.ifPresent(i -> b.segment("industry", i));
            return b.build();
        }
    }

    private static Arbitrary<AccountParts> accountParts() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                        .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1) + " GmbH")),
                Tuple.of(1, Arbitraries.of(HostileText.accountNames())));
        return Combinators.combine(name, tiers(), Arbitraries.integers().between(0, 10_000_000).optional(),
                Arbitraries.of("maria", "jonas", "aiko").optional(),
                Arbitraries.of("emea", "americas", "apac").optional(),
                Arbitraries.of("chemicals", "logistics", "retail").optional())
                .as(AccountParts::new);
    }

    private record ContactPart(Role role, Optional<String> function, List<Body> answers, boolean extraInvitation) {
    }

    private record AccountPlan(AccountParts parts, Optional<Integer> parentPick, List<ContactPart> contacts) {
    }

    private static Portfolio portfolio(List<AccountPlan> plans) {
        List<Account> accounts = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        List<Invitation> invitations = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            AccountPlan plan = plans.get(i);
            String id = "A" + (i + 1);
            Optional<String> parent = i > 0 && plan.parentPick.isPresent()
                    ? Optional.of("A" + (plan.parentPick.get() % i + 1)) : Optional.empty();
            accounts.add(plan.parts.account(id, parent));
            for (ContactPart cp : plan.contacts) {
                String cid = "C" + (contacts.size() + 1);
                contacts.add(new Contact(cid, id, cp.role, cp.function, OptionalDouble.empty()));
                for (Body b : cp.answers) {
                    responses.add(new Response("R" + (responses.size() + 1), id, cid, Optional.of(cp.role),
                            b.episode, b.at, b.score, b.comment, b.ratings));
                    invitations.add(new Invitation(cid, b.at.toLocalDate(), b.episode));
                }
                if (cp.extraInvitation) {
                    invitations.add(new Invitation(cid, EPOCH, EpisodeType.RELATIONSHIP));
                }
            }
        }
        return Portfolio.of(accounts, contacts, responses, invitations);
    }
}
