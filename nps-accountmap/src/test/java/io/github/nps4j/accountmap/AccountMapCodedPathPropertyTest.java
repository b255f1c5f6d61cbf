package io.github.nps4j.accountmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.AccountViews;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link AccountMap}, which groups the responses by account code once and makes a response only for a contact's
 * latest answer, against the per-response computation it replaced (every counted answer made and read in its
 * contact's role, then {@link Dedupe#LATEST_PER_CONTACT} and {@link NpsScorer#scoreAll} per window), and the same
 * map from response objects and from the reader's columns; and the whole map against the code it replaced
 * ({@link OldAccountMap}).
 */
class AccountMapCodedPathPropertyTest {

    @Provide
    Arbitrary<RandomPortfolios.Sample> samples() {
        return RandomPortfolios.samples();
    }

    @Property(tries = 400)
    void sameMapFromObjectsAndFromColumns(@ForAll("samples") RandomPortfolios.Sample s,
            @ForAll @IntRange(min = 0, max = 2) int episodes) {
        AccountMapOptions options = options(episodes);
        assertEquals(AccountMap.of(s.objects(), RandomPortfolios.AS_OF, options),
                AccountMap.of(s.columns(), RandomPortfolios.AS_OF, options));
    }

    @Property(tries = 1000)
    void sameMapAsBefore(@ForAll("samples") RandomPortfolios.Sample s,
            @ForAll @IntRange(min = 0, max = 2) int episodes, @ForAll boolean columns) {
        Portfolio p = columns ? s.columns() : s.objects();
        AccountMapOptions options = options(episodes);
        assertEquals(OldAccountMap.of(p, RandomPortfolios.AS_OF, options),
                AccountMap.of(p, RandomPortfolios.AS_OF, options));
    }

    @Property(tries = 400)
    void eachAccountAsThePerResponseComputation(@ForAll("samples") RandomPortfolios.Sample s,
            @ForAll @IntRange(min = 0, max = 2) int episodes, @ForAll boolean columns) {
        Portfolio p = columns ? s.columns() : s.objects();
        AccountMapOptions options = options(episodes);
        LocalDate asOf = RandomPortfolios.AS_OF;
        AccountMap map = AccountMap.of(p, asOf, options);
        DateWindow window = DateWindow.lastDays(asOf, options.windowDays());
        DateWindow recent = DateWindow.lastDays(asOf, options.decliningDays());
        AccountViews views = AccountViews.builder().rolePolicy(options.rolePolicy()).rule(options.categoryRule())
                .dedupe(Dedupe.NONE).build();
        Map<String, Contact> contacts = p.contactsById();
        for (MappedAccount m : map.accounts()) {
            List<Response> all = new ArrayList<>();
            for (Response r : p.responses()) {
                if (r.accountId().equals(m.accountId()) && !r.answeredOn().isAfter(asOf)
                        && options.counts(r.episode())) {
                    Contact c = contacts.get(r.contactId());
                    all.add(c != null ? r.withRole(c.role())
                            : r.role().isPresent() ? r : r.withRole(AccountMapOptions.UNKNOWN_ROLE));
                }
            }
            List<Response> latest = latestIn(all, window);
            assertEquals(views.view(m.accountId(), latest), m.view());
            Set<Response> answers = new HashSet<>();
            m.contacts().forEach(e -> e.latestAnswer().ifPresent(answers::add));
            assertEquals(new HashSet<>(latest), answers);
            assertEquals(NpsScorer.scoreAll(latestIn(all, window.previous())), m.trend().previousEstimate());
            assertEquals(DeclineCheck.of(recent, NpsScorer.scoreAll(latestIn(all, recent)), recent.previous(),
                    NpsScorer.scoreAll(latestIn(all, recent.previous())), options.significanceLevel()), m.decline());
            Optional<LocalDate> last = all.stream().map(Response::answeredOn).max(Comparator.naturalOrder());
            assertEquals(last, m.lastAnswer());
        }
    }

    private static List<Response> latestIn(List<Response> responses, DateWindow w) {
        return Dedupe.LATEST_PER_CONTACT.apply(responses.stream().filter(r -> w.contains(r.answeredAt())).toList());
    }

    /** Default options with a short window (so that windows split the answers), all, relationship or renewals. */
    private static AccountMapOptions options(int episodes) {
        AccountMapOptions.Builder b = AccountMapOptions.builder().windowDays(200).decliningDays(90);
        if (episodes == 1) {
            b.episodes(Set.of(EpisodeType.RELATIONSHIP));
        } else if (episodes == 2) {
            b.episodes(Set.of(EpisodeType.RELATIONSHIP, EpisodeType.RENEWAL));
        }
        return b.build();
    }
}
