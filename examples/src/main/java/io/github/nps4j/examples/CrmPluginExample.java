package io.github.nps4j.examples;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.followup.CaseState;
import io.github.nps4j.accountmap.followup.FollowUpCase;
import io.github.nps4j.accountmap.followup.FollowUpQueue;
import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.WeightedGroup;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A CRM plugin maps its own objects (here: a company record, person records with a job title, and survey answers
 * attached to an opportunity) onto the nps4j model, then scores one account and builds its follow-up cases.
 */
public final class CrmPluginExample {
    private CrmPluginExample() {
    }

    /** The CRM's company record (stands in for a real CRM SDK type). */
    record CrmCompany(String crmId, String legalName, String channel, double arr, String accountManager) {
    }

    /** The CRM's person record with a free-text buying role. */
    record CrmPerson(String crmId, String companyId, String buyingRole) {
    }

    /** A survey answer the CRM stored on an opportunity. */
    record CrmSurveyAnswer(String id, String personId, String opportunityStage, LocalDateTime at, int likelihood,
            String verbatim) {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // README:crm:begin
        CrmCompany company = new CrmCompany("001A", "Acme GmbH", "Direct", 480_000, "maria");
        List<CrmPerson> people = List.of(new CrmPerson("003X", "001A", "Economic Buyer"),
                new CrmPerson("003Y", "001A", "Technical Evaluator"), new CrmPerson("003Z", "001A", "End User"));
        List<CrmSurveyAnswer> answers = List.of(
                new CrmSurveyAnswer("a1", "003X", "Closed Won", LocalDateTime.of(2026, 9, 2, 10, 0), 5,
                        "Renewal terms were hard to negotiate"),
                new CrmSurveyAnswer("a2", "003Y", "Closed Won", LocalDateTime.of(2026, 9, 3, 9, 30), 9, "Great API"),
                new CrmSurveyAnswer("a3", "003Z", "Closed Won", LocalDateTime.of(2026, 9, 4, 16, 5), 10, ""));

        Account account = Account.builder(company.crmId()).name(company.legalName())
                .tier(Tier.of(company.channel())).annualValue(company.arr()).owner(company.accountManager()).build();
        List<Contact> contacts = people.stream()
                .map(p -> Contact.of(p.crmId(), p.companyId(), roleOf(p.buyingRole()))).toList();
        List<Response> responses = answers.stream()
                .map(a -> Response.builder(a.id(), company.crmId(), a.personId())
                        .episode(a.opportunityStage().startsWith("Closed") ? EpisodeType.CONTRACT_NEGOTIATION
                                : EpisodeType.RELATIONSHIP)
                        .answeredAt(a.at()).score(a.likelihood())
                        .comment(a.verbatim().isBlank() ? null : a.verbatim()).build())
                .toList();
        Portfolio portfolio = Portfolio.of(List.of(account), contacts, responses, List.of()).withRoles();

        LocalDate today = LocalDate.of(2026, 9, 10);
        MappedAccount map = AccountMap.of(portfolio, today).account(company.crmId()).orElseThrow();
        WeightedGroup scored = NpsScorer.builder().build().score(responses).overall().orElseThrow().data();
        // one account: its answers are the whole design, so the interval treats them as independent (score)
        NpsSummary nps = NpsSummary.of(scored, UncertaintyOptions.defaults());
        System.out.printf("%s: NPS %.1f, 95 %% interval [%.1f, %.1f], flags %s%n", account.name(),
                nps.nps().orElseThrow(), nps.ci().orElseThrow().lower(), nps.ci().orElseThrow().upper(),
                map.flags().stream().map(Flag::label).toList());

        FollowUpQueue queue = FollowUpQueue.of(portfolio, today);
        for (FollowUpCase c : queue.cases()) {
            System.out.printf("call back %s (%s, score %d) by %s, owner %s%n", c.contactId(), c.role(), c.score(),
                    c.due(), c.owner().orElse("?"));
        }
        queue = queue.transition(queue.cases().get(0).responseId(), CaseState.IN_PROGRESS);
        System.out.println("first case is now " + queue.cases().get(0).state().label());
        // README:crm:end
    }

    /** Maps the CRM's free-text buying roles onto nps4j roles. */
    static Role roleOf(String buyingRole) {
        return switch (buyingRole) {
            case "Economic Buyer" -> Role.DECISION_MAKER;
            case "Technical Evaluator", "Champion" -> Role.INFLUENCER;
            case "Procurement" -> Role.GATEKEEPER;
            default -> Role.USER;
        };
    }
}
