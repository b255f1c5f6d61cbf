package io.github.nps4j.synthetic;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Evaluates the four {@link PlantedSituation} rules on a portfolio, exactly as documented there. */
final class SituationRules {
    private SituationRules() {
    }

    static Map<PlantedSituation, List<String>> evaluate(List<Account> accounts, List<Contact> contacts,
            List<Response> responses, LocalDate asOf) {
        Map<String, Role> roleOfContact = new HashMap<>();
        contacts.forEach(c -> roleOfContact.put(c.id(), c.role()));
        LocalDate windowStart = asOf.minusDays(Truth.WINDOW_DAYS); // exclusive
        LocalDate silentStart = asOf.minusDays(Truth.SILENT_DAYS); // exclusive
        Map<String, List<Response>> inWindow = new TreeMap<>();
        Map<String, Boolean> recent = new HashMap<>();
        for (Response r : responses) {
            LocalDate d = r.answeredOn();
            if (d.isAfter(asOf)) {
                continue;
            }
            if (d.isAfter(silentStart)) {
                recent.put(r.accountId(), true);
            }
            if (d.isAfter(windowStart)) {
                inWindow.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<PlantedSituation, List<String>> out = new EnumMap<>(PlantedSituation.class);
        for (PlantedSituation s : PlantedSituation.values()) {
            out.put(s, new ArrayList<>());
        }
        List<String> ids = accounts.stream().map(Account::id).sorted().toList();
        for (String id : ids) {
            List<Response> latest = Dedupe.LATEST_PER_CONTACT.apply(inWindow.getOrDefault(id, List.of()));
            boolean deciderHeard = false;
            boolean deciderDetractor = false;
            boolean keyPromoter = false;
            boolean keyDetractor = false;
            for (Response r : latest) {
                Role role = r.role().or(() -> Optional.ofNullable(roleOfContact.get(r.contactId()))).orElse(null);
                boolean decider = Role.DECISION_MAKER.equals(role);
                boolean key = decider || Role.INFLUENCER.equals(role);
                Category c = r.category();
                if (decider) {
                    deciderHeard = true;
                    deciderDetractor |= c == Category.DETRACTOR;
                }
                if (key) {
                    keyPromoter |= c == Category.PROMOTER;
                    keyDetractor |= c == Category.DETRACTOR;
                }
            }
            if (deciderDetractor) {
                out.get(PlantedSituation.DECIDER_DETRACTOR).add(id);
            }
            if (!deciderHeard) {
                out.get(PlantedSituation.NO_DECIDER_HEARD).add(id);
            }
            if (!recent.containsKey(id)) {
                out.get(PlantedSituation.SILENT).add(id);
            }
            if (keyPromoter && keyDetractor) {
                out.get(PlantedSituation.POLARISED).add(id);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }
}
