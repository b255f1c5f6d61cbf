package io.github.nps4j.accountmap.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.accountmap.RandomPortfolios;
import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link FollowUpQueue#of}, which walks the responses by code, against the per-response computation it replaced
 * ({@link #perResponse}), on response objects and on the reader's columns.
 */
class FollowUpQueueCodedPathPropertyTest {

    @Provide
    Arbitrary<RandomPortfolios.Sample> samples() {
        return RandomPortfolios.samples();
    }

    @Property(tries = 400)
    void sameQueueAsThePerResponseComputation(@ForAll("samples") RandomPortfolios.Sample s,
            @ForAll @IntRange(min = 1, max = 400) int lookbackDays, @ForAll boolean passiveDeciders,
            @ForAll boolean relationshipOnly) {
        FollowUpOptions.Builder b = FollowUpOptions.builder().lookbackDays(lookbackDays)
                .includePassiveDecisionMakers(passiveDeciders);
        if (relationshipOnly) {
            b.episodes(EpisodeType.RELATIONSHIP);
        }
        FollowUpOptions options = b.build();
        FollowUpQueue expected = perResponse(s.objects(), RandomPortfolios.AS_OF, options);
        assertEquals(expected, FollowUpQueue.of(s.objects(), RandomPortfolios.AS_OF, options));
        assertEquals(expected, FollowUpQueue.of(s.columns(), RandomPortfolios.AS_OF, options));
    }

    /** The queue as it was computed before the codes: a response and two map lookups per answer in the window. */
    static FollowUpQueue perResponse(Portfolio portfolio, LocalDate asOf, FollowUpOptions options) {
        Map<String, Account> accounts = portfolio.accountsById();
        Map<String, Contact> contacts = portfolio.contactsById();
        DateWindow window = DateWindow.lastDays(asOf, options.lookbackDays());
        List<FollowUpCase> cases = new ArrayList<>();
        for (Response r : portfolio.responsesAnsweredIn(window)) {
            LocalDate day = r.answeredOn();
            if (!window.contains(day)
                    || options.episodes().map(e -> !e.contains(r.episode())).orElse(false)) {
                continue;
            }
            Contact contact = contacts.get(r.contactId());
            Role role = contact != null ? contact.role() : r.role().orElse(Role.of("unknown"));
            Category c = r.category();
            boolean opens = c == Category.DETRACTOR || (c == Category.PASSIVE
                    && options.includePassiveDecisionMakers() && options.rolePolicy().isDecider(role));
            if (!opens) {
                continue;
            }
            Account a = accounts.get(r.accountId());
            double priority = options.rolePolicy().weightOf(role) * a.annualValue().orElse(0);
            cases.add(new FollowUpCase(r.id(), a.id(), r.contactId(), role, r.score(), r.comment(), a.owner(),
                    priority, r.answeredAt(), day.plusDays(options.slaDays(role)), CaseState.OPEN));
        }
        return new FollowUpQueue(asOf, cases);
    }
}
