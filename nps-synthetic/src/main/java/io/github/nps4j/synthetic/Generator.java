package io.github.nps4j.synthetic;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountOutcome;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Generates a {@link SyntheticPortfolio} from a builder's settings; one instance per build. */
final class Generator {
    private static final Role[] ROLES = {Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER, Role.USER};
    private static final List<String> PREFIXES = List.of("Nordwind", "Alder", "Brightline", "Castell", "Delta",
            "Everstone", "Fjord", "Granite", "Harbor", "Ironwood", "Juniper", "Kestrel", "Lumen", "Meridian",
            "Northgate", "Orchid", "Pinecrest", "Quarry", "Redwood", "Summit", "Tidewater", "Upland", "Vantage",
            "Westfield");
    private static final List<String> SUFFIXES = List.of("Logistics", "Chemicals", "Machinery", "Health", "Foods",
            "Systems", "Energy", "Plastics", "Pharma", "Textiles");
    private static final List<String> OWNER_NAMES = List.of("maria", "jonas", "aiko", "samir", "lena", "tomas",
            "priya", "noah");
    private static final List<String> REGIONS = List.of("emea", "americas", "apac");
    private static final List<String> INDUSTRIES = List.of("chemicals", "logistics", "machinery", "healthcare",
            "retail", "software");
    private static final Map<Role, List<String>> FUNCTIONS = Map.of(
            Role.DECISION_MAKER, List.of("executive", "procurement", "operations"),
            Role.INFLUENCER, List.of("engineering", "operations", "quality", "finance"),
            Role.GATEKEEPER, List.of("procurement", "assistant"),
            Role.USER, List.of("operations", "logistics", "engineering", "maintenance", "it", "warehouse"));
    private static final EpisodeType[] EPISODES = {EpisodeType.SERVICE_EVENT, EpisodeType.DELIVERY,
        EpisodeType.RENEWAL, EpisodeType.ONBOARDING, EpisodeType.CONTRACT_NEGOTIATION,
        EpisodeType.PROJECT_COMPLETION};
    private static final double[] EPISODE_WEIGHTS = {0.35, 0.2, 0.12, 0.1, 0.1, 0.13};

    private static final Map<String, String[][]> TEMPLATES = Map.of(
            "delivery", new String[][] {
                {"Deliveries were late again.", "Two shipments arrived incomplete this quarter."},
                {"Deliveries always arrive on time.", "Reliable delivery, even at short notice."}},
            "support", new String[][] {
                {"Support took days to answer our ticket.", "Hard to reach anyone in support."},
                {"Support solved our issue within the hour.", "Very helpful support team."}},
            "price", new String[][] {
                {"Prices went up without warning.", "Too expensive compared to alternatives."},
                {"Fair pricing for the value we get."}},
            "product-quality", new String[][] {
                {"Quality issues with the last batch."}, {"Excellent product quality."}},
            "account-management", new String[][] {
                {"Our account manager changed three times.", "Nobody follows up on our requests."},
                {"Our account manager knows our business."}},
            "onboarding", new String[][] {
                {"Onboarding was confusing and slow."}, {"Smooth onboarding of our new site."}});

    /** How much a respondent's competitor score follows their own score. */
    private static final double COMPETITOR_FOLLOWS = 0.5;
    private static final double COMPETITOR_NOISE_SD = 1.6;
    private static final double RENEWAL_INTERCEPT = 1.5;
    private static final double RENEWAL_SLOPE = 2.0;
    private static final double UNKNOWN_RENEWAL = 0.1;
    private static final double GROWTH_INTERCEPT = 0.03;
    private static final double GROWTH_SLOPE = 0.03;
    private static final double GROWTH_SD = 0.04;

    private final SyntheticPortfolio.Builder cfg;
    private final Rng structure;
    private final Rng events;
    private final Rng answers;
    private final Rng comments;
    private final Rng rivals;
    private final Rng outcomes;
    private final LocalDate asOf;
    private final List<String> attributeNames;
    private final double[] effects;
    private final double[] means;

    private final List<AccountPlan> plans = new ArrayList<>();
    private final List<ContactPlan> people = new ArrayList<>();
    private final List<Event> eventList = new ArrayList<>();
    private final Set<String> invitationKeys = new HashSet<>();
    private final Map<PlantedSituation, List<String>> planted = new EnumMap<>(PlantedSituation.class);

    Generator(SyntheticPortfolio.Builder cfg) {
        this.cfg = cfg;
        Rng root = new Rng(cfg.seed);
        this.structure = root.split();
        this.events = root.split();
        this.answers = root.split();
        this.comments = root.split();
        // split after the four phases above, so that adding these streams changes none of their draws
        this.rivals = root.split();
        this.outcomes = root.split();
        this.asOf = cfg.firstDay.plusMonths(3L * cfg.quarters).minusDays(1);
        Map<String, double[]> attrs = cfg.attributesCopy();
        this.attributeNames = List.copyOf(new TreeSet<>(attrs.keySet()));
        this.effects = new double[attributeNames.size()];
        this.means = new double[attributeNames.size()];
        for (int i = 0; i < attributeNames.size(); i++) {
            effects[i] = attrs.get(attributeNames.get(i))[0];
            means[i] = attrs.get(attributeNames.get(i))[1];
        }
    }

    private static final class AccountPlan {
        final int index;
        final Tier tier;
        final int parent;
        String id;
        int size;
        boolean large;
        PlantedSituation situation;
        double ratingShift;
        final List<Integer> contacts = new ArrayList<>();
        final List<LocalDate> waveDays = new ArrayList<>();

        AccountPlan(int index, Tier tier, int parent) {
            this.index = index;
            this.tier = tier;
            this.parent = parent;
        }
    }

    private static final class ContactPlan {
        final int index;
        final AccountPlan account;
        final Role role;
        final String id;
        Category forced;

        ContactPlan(int index, AccountPlan account, Role role, String id) {
            this.index = index;
            this.account = account;
            this.role = role;
            this.id = id;
        }
    }

    private static final class Event {
        final ContactPlan contact;
        final EpisodeType episode;
        final LocalDate invitedOn;
        final int wave; // -1 for transactional episodes
        LocalDateTime answeredAt;

        Event(ContactPlan contact, EpisodeType episode, LocalDate invitedOn, int wave) {
            this.contact = contact;
            this.episode = episode;
            this.invitedOn = invitedOn;
            this.wave = wave;
        }
    }

    SyntheticPortfolio generate() {
        planAccounts();
        chooseLargeAndPlanted();
        List<Contact> contacts = planContacts();
        List<Account> accounts = buildAccounts();
        relationshipWaves();
        episodes();
        plantSituations();
        return answer(accounts, contacts);
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    private void planAccounts() {
        int n = cfg.accounts;
        int channel = (int) Math.round(n * cfg.channelShare);
        int distributors = channel == 0 ? 0 : Math.max(1, (int) Math.round(channel * 0.15));
        int retailers = Math.min(channel - distributors, (int) Math.round(channel * 0.35));
        int endUsers = channel - distributors - retailers;
        int direct = n - channel;
        for (int i = 0; i < direct; i++) {
            plans.add(new AccountPlan(plans.size(), Tier.DIRECT, -1));
        }
        // children are assigned round-robin: retailer r to distributor r % d, end user e to retailer e % r
        for (int d = 0; d < distributors; d++) {
            AccountPlan dist = new AccountPlan(plans.size(), Tier.DISTRIBUTOR, -1);
            plans.add(dist);
            for (int r = d; r < retailers; r += distributors) {
                AccountPlan ret = new AccountPlan(plans.size(), Tier.RETAILER, dist.index);
                plans.add(ret);
                for (int e = r; e < endUsers; e += retailers) {
                    plans.add(new AccountPlan(plans.size(), Tier.END_USER, ret.index));
                }
            }
            if (retailers == 0) {
                for (int e = d; e < endUsers; e += distributors) {
                    plans.add(new AccountPlan(plans.size(), Tier.END_USER, dist.index));
                }
            }
        }
        int width = Math.max(3, Integer.toString(n).length());
        for (AccountPlan p : plans) {
            p.id = "A" + pad(p.index + 1, width);
        }
    }

    private void chooseLargeAndPlanted() {
        List<AccountPlan> direct = plans.stream().filter(p -> p.tier.equals(Tier.DIRECT)).toList();
        List<AccountPlan> pool = new ArrayList<>(direct.isEmpty() ? plans : direct);
        int large = Math.min(cfg.largeAccounts, plans.size() - (cfg.plant ? PlantedSituation.values().length : 0));
        for (int i = 0; i < large; i++) {
            if (pool.isEmpty()) {
                pool.addAll(plans.stream().filter(p -> !p.large).toList());
            }
            AccountPlan p = pool.remove(structure.nextInt(pool.size()));
            p.large = true;
        }
        for (PlantedSituation s : PlantedSituation.values()) {
            planted.put(s, new ArrayList<>());
        }
        if (cfg.plant) {
            List<AccountPlan> candidates = new ArrayList<>(direct.stream().filter(p -> !p.large).toList());
            List<AccountPlan> others = plans.stream().filter(p -> !p.large && !p.tier.equals(Tier.DIRECT)).toList();
            for (PlantedSituation s : PlantedSituation.values()) {
                if (candidates.isEmpty()) {
                    candidates.addAll(others.stream().filter(p -> p.situation == null).toList());
                }
                AccountPlan p = candidates.remove(structure.nextInt(candidates.size()));
                p.situation = s;
                planted.get(s).add(p.id);
            }
        }
        for (AccountPlan p : plans) {
            if (p.large) {
                p.size = structure.between(cfg.largeMin, cfg.largeMax);
            } else {
                double x = Math.log(cfg.typicalContacts) + cfg.contactSpread * structure.nextGaussian();
                p.size = (int) Math.max(1, Math.min(cfg.maxTypicalContacts, Math.round(Math.exp(x))));
            }
            if (p.situation != null) {
                p.size = Math.max(p.size, 6);
            }
            p.ratingShift = 0.5 * structure.nextGaussian();
        }
    }

    private List<Contact> planContacts() {
        int total = plans.stream().mapToInt(p -> p.size).sum();
        int width = Math.max(4, Integer.toString(total).length());
        List<Contact> out = new ArrayList<>(total);
        for (AccountPlan p : plans) {
            for (int k = 0; k < p.size; k++) {
                Role role;
                if (k == 0 || (p.situation != null && k == 1)) {
                    role = Role.DECISION_MAKER;
                } else if (p.situation != null && k == 2) {
                    role = Role.INFLUENCER;
                } else if (p.situation != null && k == 3) {
                    role = Role.USER;
                } else {
                    role = ROLES[structure.weighted(cfg.roleMix)];
                }
                ContactPlan c = new ContactPlan(people.size(), p, role, "C" + pad(people.size() + 1, width));
                people.add(c);
                p.contacts.add(c.index);
                out.add(new Contact(c.id, p.id, role, Optional.of(structure.pick(FUNCTIONS.get(role))),
                        OptionalDouble.empty()));
            }
        }
        return out;
    }

    private List<Account> buildAccounts() {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < cfg.owners; i++) {
            owners.add(i < OWNER_NAMES.size() ? OWNER_NAMES.get(i) : "owner-" + pad(i + 1, 2));
        }
        Map<Integer, String> region = new HashMap<>();
        List<Account> out = new ArrayList<>(plans.size());
        for (AccountPlan p : plans) {
            String name = structure.pick(PREFIXES) + " " + switch (p.tier.name()) {
                case "distributor" -> "Distribution";
                case "retailer" -> "Trade";
                default -> structure.pick(SUFFIXES);
            };
            if (cfg.hostileText && p.index == 1) {
                name = HostileText.NAME_COMMA;
            } else if (cfg.hostileText && p.index == 3) {
                name = HostileText.NAME_CJK;
            }
            double median = switch (p.tier.name()) {
                case "distributor" -> 400_000;
                case "retailer" -> 40_000;
                case "end-user" -> 9_000;
                default -> 90_000;
            };
            if (p.large) {
                median *= 8;
            }
            double value = Math.round(median * Math.exp(1.0 * structure.nextGaussian()) / 100.0) * 100.0;
            String reg = p.parent >= 0 ? region.get(p.parent) : structure.pick(REGIONS);
            region.put(p.index, reg);
            Account.Builder b = Account.builder(p.id).name(name).tier(p.tier).annualValue(value)
                    .owner(structure.pick(owners)).segment("region", reg)
                    .segment("industry", structure.pick(INDUSTRIES));
            if (p.parent >= 0) {
                b.parent(plans.get(p.parent).id);
            }
            if (cfg.outcomes) {
                b.outcome(outcome(p));
            }
            out.add(b.build());
        }
        return out;
    }

    // ---- invitations and answers ----------------------------------------------------------------------------

    private void relationshipWaves() {
        for (AccountPlan p : plans) {
            for (int q = 0; q < cfg.quarters; q++) {
                p.waveDays.add(cfg.firstDay.plusMonths(3L * q).plusDays(7 + events.nextInt(14)));
            }
        }
        for (AccountPlan p : plans) {
            for (int cIdx : p.contacts) {
                ContactPlan c = people.get(cIdx);
                for (int q = 0; q < cfg.quarters; q++) {
                    if (events.chance(cfg.invitationRate)) {
                        Event e = invite(c, EpisodeType.RELATIONSHIP, p.waveDays.get(q), q);
                        if (e != null && events.chance(cfg.responseRate)) {
                            e.answeredAt = answerTime(e.invitedOn);
                        }
                    }
                }
            }
        }
    }

    private void episodes() {
        long days = ChronoUnit.DAYS.between(cfg.firstDay, asOf);
        if (days < 35) {
            return;
        }
        double years = cfg.quarters / 4.0;
        double answerRate = Math.min(0.9, cfg.responseRate + 0.1);
        for (AccountPlan p : plans) {
            double mean = cfg.episodesPerYear * years * (1 + Math.log(p.size) / 3);
            int count = events.poisson(mean);
            for (int i = 0; i < count; i++) {
                EpisodeType type = EPISODES[events.weighted(EPISODE_WEIGHTS)];
                LocalDate day = cfg.firstDay.plusDays(events.nextInt((int) (days - 30)));
                List<ContactPlan> involved = involved(p, type);
                for (ContactPlan c : involved) {
                    Event e = invite(c, type, day.plusDays(1 + events.nextInt(3)), -1);
                    if (e != null && events.chance(answerRate)) {
                        e.answeredAt = answerTime(e.invitedOn);
                    }
                }
            }
        }
    }

    private List<ContactPlan> involved(AccountPlan p, EpisodeType type) {
        List<ContactPlan> all = p.contacts.stream().map(people::get).toList();
        List<ContactPlan> preferred;
        if (type.equals(EpisodeType.RENEWAL) || type.equals(EpisodeType.CONTRACT_NEGOTIATION)) {
            preferred = all.stream().filter(c -> c.role.equals(Role.DECISION_MAKER)
                    || c.role.equals(Role.INFLUENCER)).toList();
        } else if (type.equals(EpisodeType.SERVICE_EVENT) || type.equals(EpisodeType.DELIVERY)) {
            preferred = all.stream().filter(c -> c.role.equals(Role.USER) || c.role.equals(Role.GATEKEEPER)).toList();
        } else {
            preferred = all;
        }
        List<ContactPlan> pool = new ArrayList<>(preferred.isEmpty() ? all : preferred);
        int k = Math.min(pool.size(), 1 + events.nextInt(3));
        List<ContactPlan> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(pool.remove(events.nextInt(pool.size())));
        }
        return out;
    }

    private Event invite(ContactPlan c, EpisodeType episode, LocalDate day, int wave) {
        if (!invitationKeys.add(c.id + "|" + day + "|" + episode.name())) {
            return null;
        }
        Event e = new Event(c, episode, day, wave);
        eventList.add(e);
        return e;
    }

    private LocalDateTime answerTime(LocalDate invited) {
        int delay = (int) Math.min(28, Math.floor(-Math.log(1 - events.nextDouble()) * 5));
        LocalDate d = invited.plusDays(delay);
        if (d.isAfter(asOf)) {
            d = asOf;
        }
        return d.atTime(7 + events.nextInt(12), events.nextInt(60), events.nextInt(60));
    }

    /** Makes sure a contact answered the relationship wave {@code q}. */
    private void ensureAnswer(ContactPlan c, int q) {
        Event e = relationshipEvent(c, q);
        if (e == null) {
            e = invite(c, EpisodeType.RELATIONSHIP, c.account.waveDays.get(q), q);
        }
        if (e.answeredAt == null) {
            e.answeredAt = answerTime(e.invitedOn);
        }
    }

    private void ensureInvited(ContactPlan c, int q) {
        if (relationshipEvent(c, q) == null) {
            invite(c, EpisodeType.RELATIONSHIP, c.account.waveDays.get(q), q);
        }
    }

    private Event relationshipEvent(ContactPlan c, int q) {
        for (Event e : eventList) {
            if (e.contact == c && e.wave == q) {
                return e;
            }
        }
        return null;
    }

    private void plantSituations() {
        int last = cfg.quarters - 1;
        LocalDate silentCutoff = asOf.minusDays(Truth.SILENT_DAYS + 20L);
        for (AccountPlan p : plans) {
            if (p.situation == null) {
                continue;
            }
            List<ContactPlan> cs = p.contacts.stream().map(people::get).toList();
            ContactPlan firstDecider = cs.get(0);
            ContactPlan influencer = cs.get(2);
            ContactPlan user = cs.get(3);
            switch (p.situation) {
                case DECIDER_DETRACTOR -> {
                    cs.stream().filter(c -> c.role.equals(Role.DECISION_MAKER))
                            .forEach(c -> c.forced = Category.DETRACTOR);
                    ensureAnswer(firstDecider, last);
                }
                case NO_DECIDER_HEARD -> {
                    for (ContactPlan c : cs) {
                        if (c.role.equals(Role.DECISION_MAKER)) {
                            ensureInvited(c, last);
                        }
                    }
                    for (Event e : eventList) {
                        if (e.contact.account == p && e.contact.role.equals(Role.DECISION_MAKER)) {
                            e.answeredAt = null;
                        }
                    }
                    ensureAnswer(user, last);
                }
                case SILENT -> {
                    ensureAnswer(user, 0);
                    ensureInvited(firstDecider, last);
                    for (Event e : eventList) {
                        if (e.contact.account == p && e.answeredAt != null
                                && e.answeredAt.toLocalDate().isAfter(silentCutoff)) {
                            e.answeredAt = null;
                        }
                    }
                }
                case POLARISED -> {
                    firstDecider.forced = Category.PROMOTER;
                    influencer.forced = Category.DETRACTOR;
                    ensureAnswer(firstDecider, last);
                    ensureAnswer(influencer, last);
                }
                default -> throw new AssertionError(p.situation);
            }
        }
    }

    // ---- scores, ratings, comments --------------------------------------------------------------------------

    private SyntheticPortfolio answer(List<Account> accounts, List<Contact> contacts) {
        List<Event> answered = new ArrayList<>(eventList.stream().filter(e -> e.answeredAt != null).toList());
        answered.sort(Comparator.comparing((Event e) -> e.answeredAt).thenComparing(e -> e.contact.id)
                .thenComparing(e -> e.episode.name()));
        int width = Math.max(5, Integer.toString(answered.size()).length());
        Set<Integer> hostile = new TreeSet<>();
        if (cfg.hostileText) {
            int k = Math.min(HostileText.comments().size(), answered.size());
            while (hostile.size() < k) {
                hostile.add(comments.nextInt(answered.size()));
            }
        }
        List<Response> responses = new ArrayList<>(answered.size());
        List<String> hostileIds = new ArrayList<>();
        Map<String, Integer> themes = new TreeMap<>();
        int hostileUsed = 0;
        double rho = cfg.ratingCorrelation;
        for (int i = 0; i < answered.size(); i++) {
            Event e = answered.get(i);
            ContactPlan c = e.contact;
            String id = "R" + pad(i + 1, width);
            double mood = c.forced == null ? 0 : c.forced == Category.DETRACTOR ? -2.5 : 1.5;
            double common = answers.nextGaussian();
            double latent = cfg.intercept + cfg.roleOffsets.getOrDefault(c.role, 0.0);
            double[] contribution = new double[effects.length];
            Map<String, Double> ratings = new TreeMap<>();
            for (int a = 0; a < effects.length; a++) {
                double x = means[a] + c.account.ratingShift + mood
                        + cfg.ratingSd * (Math.sqrt(rho) * common + Math.sqrt(1 - rho) * answers.nextGaussian());
                double rating = Math.max(1, Math.min(10, Math.floor(x + 0.5)));
                contribution[a] = effects[a] * (rating - means[a]);
                latent += contribution[a];
                if (!answers.chance(cfg.missingRatings)) {
                    ratings.put(attributeNames.get(a), rating);
                }
            }
            latent += cfg.noiseSd * answers.nextGaussian();
            int score = (int) Math.max(0, Math.min(10, Math.floor(latent + 0.5)));
            if (c.forced == Category.DETRACTOR) {
                score = Math.min(score, 6);
            } else if (c.forced == Category.PROMOTER) {
                score = Math.max(score, 9);
            }
            Category category = Category.of(score);
            Optional<String> comment = Optional.empty();
            if (hostile.contains(i)) {
                comment = Optional.of(HostileText.comments().get(hostileUsed++));
                hostileIds.add(id);
            } else {
                double rate = cfg.commentRate * switch (category) {
                    case DETRACTOR -> 1.4;
                    case PASSIVE -> 0.7;
                    case PROMOTER -> 1.0;
                };
                if (comments.chance(Math.min(1, rate)) && effects.length > 0) {
                    int theme = 0;
                    for (int a = 1; a < effects.length; a++) {
                        boolean better = category == Category.PROMOTER ? contribution[a] > contribution[theme]
                                : contribution[a] < contribution[theme];
                        theme = better ? a : theme;
                    }
                    String name = attributeNames.get(theme);
                    themes.merge(name, 1, Integer::sum);
                    comment = Optional.of(commentText(name, category));
                }
            }
            Map<String, Integer> rated = new TreeMap<>();
            if (e.episode.equals(EpisodeType.RELATIONSHIP)) {
                for (Map.Entry<String, Double> rival : cfg.competitors.entrySet()) {
                    boolean rates = rivals.chance(cfg.competitorRate);
                    double noise = rivals.nextGaussian();
                    if (rates) {
                        double x = cfg.intercept - rival.getValue() + COMPETITOR_FOLLOWS * (score - cfg.intercept)
                                + COMPETITOR_NOISE_SD * noise;
                        rated.put(rival.getKey(), (int) Math.max(0, Math.min(10, Math.floor(x + 0.5))));
                    }
                }
            }
            responses.add(new Response(id, c.account.id, c.id, Optional.of(c.role), e.episode, e.answeredAt, score,
                    comment, ratings, rated));
        }

        List<Invitation> invitations = eventList.stream().map(e -> new Invitation(e.contact.id, e.invitedOn,
                e.episode)).sorted(Comparator.comparing(Invitation::invitedAt).thenComparing(Invitation::contactId)
                .thenComparing(i -> i.episode().name())).toList();
        Map<PlantedSituation, List<String>> occurring = SituationRules.evaluate(accounts, contacts, responses, asOf);
        for (PlantedSituation s : PlantedSituation.values()) {
            if (!occurring.get(s).containsAll(planted.get(s))) {
                throw new IllegalStateException("internal error: accounts " + planted.get(s) + " planted with " + s
                        + " do not meet its rule (seed " + cfg.seed + ")");
            }
        }
        Map<String, Double> effectMap = new TreeMap<>();
        Map<String, Double> meanMap = new TreeMap<>();
        for (int a = 0; a < effects.length; a++) {
            effectMap.put(attributeNames.get(a), effects[a]);
            meanMap.put(attributeNames.get(a), means[a]);
        }
        Map<String, Double> offsets = new TreeMap<>();
        cfg.roleOffsets.forEach((r, v) -> offsets.put(r.name(), v));
        Map<String, Double> outcomeModel = new LinkedHashMap<>();
        if (cfg.outcomes) {
            outcomeModel.put("renewalIntercept", RENEWAL_INTERCEPT);
            outcomeModel.put("renewalSlope", RENEWAL_SLOPE);
            outcomeModel.put("unknownRenewalRate", UNKNOWN_RENEWAL);
            outcomeModel.put("growthIntercept", GROWTH_INTERCEPT);
            outcomeModel.put("growthSlope", GROWTH_SLOPE);
            outcomeModel.put("growthSd", GROWTH_SD);
        }
        Truth truth = new Truth(cfg.seed, asOf, cfg.intercept, cfg.noiseSd, effectMap, meanMap, cfg.ratingSd,
                cfg.ratingCorrelation, offsets, planted, occurring, hostileIds.stream().sorted().toList(), themes,
                cfg.competitors, outcomeModel);
        return new SyntheticPortfolio(accounts, contacts, responses, invitations, truth);
    }

    /**
     * The account's outcome, from the {@code outcomes} stream: renewal and growth go with the account's health h, the
     * expected shift of its answers' scores (its ratings' shift times the sum of the attribute effects, 1.5 points
     * lower for a planted decider-detractor account), so they go with its NPS without depending on who answered
     * (see {@link SyntheticPortfolio.Builder#outcomes(boolean)}).
     */
    private AccountOutcome outcome(AccountPlan p) {
        double h = health(p);
        boolean unknown = outcomes.chance(UNKNOWN_RENEWAL);
        double chance = 1 / (1 + Math.exp(-(RENEWAL_INTERCEPT + RENEWAL_SLOPE * h)));
        boolean renewed = outcomes.nextDouble() < chance;
        double growth = GROWTH_INTERCEPT + GROWTH_SLOPE * h + GROWTH_SD * outcomes.nextGaussian();
        return new AccountOutcome(unknown ? Optional.empty() : Optional.of(renewed),
                OptionalDouble.of(Math.round(growth * 1000) / 1000.0));
    }

    private double health(AccountPlan p) {
        double sum = 0;
        for (double e : effects) {
            sum += e;
        }
        return p.ratingShift * sum - (p.situation == PlantedSituation.DECIDER_DETRACTOR ? 1.5 : 0);
    }

    private String commentText(String theme, Category category) {
        String[][] t = cfg.commentThemes.containsKey(theme) ? cfg.commentThemes.get(theme) : TEMPLATES.get(theme);
        boolean positive = category == Category.PROMOTER;
        String base = t == null ? (positive ? "Very happy with " + theme + "." : "Not happy with " + theme + ".")
                : comments.pick(List.of(t[positive ? 1 : 0]));
        return category == Category.PASSIVE ? "Mostly fine. " + base : base;
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
