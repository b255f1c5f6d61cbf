package io.github.nps4j.accountmap.followup;

import static io.github.nps4j.accountmap.Fx.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.Fx;
import io.github.nps4j.core.Account;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpQueueTest {
    private static final Role DM = Role.DECISION_MAKER;

    /** Big (value 1000, owner olga) and Small (value 100, owner piet), every role at both. */
    private static Fx base() {
        return Fx.portfolio()
                .account(Fx.account("BIG", "Big", Tier.DIRECT, null, 1000, "olga"))
                .account(Fx.account("SMALL", "Small", Tier.DIRECT, null, 100, "piet"))
                .contact("bdm", "BIG", DM).contact("bin", "BIG", Role.INFLUENCER)
                .contact("bgk", "BIG", Role.GATEKEEPER).contact("bu", "BIG", Role.USER)
                .contact("sdm", "SMALL", DM).contact("su", "SMALL", Role.USER);
    }

    private static List<String> ids(FollowUpQueue q) {
        return q.cases().stream().map(FollowUpCase::contactId).toList();
    }

    @Test
    void oneCasePerDetractorAnswerOrderedByPriorityThenAnswerTime() {
        Portfolio p = base()
                .answer("bu", "BIG", 3, 4)      // 1 x 1000 = 1000
                .answer("bdm", "BIG", 2, 6)     // 3 x 1000 = 3000
                .answer("bin", "BIG", 1, 0)     // 2 x 1000 = 2000
                .answer("bgk", "BIG", 4, 5)     // 1 x 1000 = 1000, answered before bu
                .answer("sdm", "SMALL", 1, 1)   // 3 x 100 = 300
                .answer("su", "SMALL", 1, 9)    // promoter: no case
                .answer("bu", "BIG", 1, 8)      // passive user: no case
                .build();
        FollowUpQueue q = FollowUpQueue.of(p, AS_OF);
        assertEquals(List.of("bdm", "bin", "bgk", "bu", "sdm"), ids(q));
        assertEquals(List.of(3000.0, 2000.0, 1000.0, 1000.0, 300.0),
                q.cases().stream().map(FollowUpCase::priority).toList());
        FollowUpCase first = q.cases().get(0);
        assertEquals(Optional.of("olga"), first.owner());
        assertEquals(CaseState.OPEN, first.state());
        assertEquals(6, first.score());
        assertTrue(first.comment().isPresent());
    }

    @Test
    void dueDatesFollowTheSlaOfTheRole() {
        LocalDate day = AS_OF.minusDays(10);
        Portfolio p = base().answer("bdm", "BIG", 10, 0).answer("bin", "BIG", 10, 0).answer("bgk", "BIG", 10, 0)
                .answer("bu", "BIG", 10, 0).build();
        FollowUpQueue q = FollowUpQueue.of(p, AS_OF);
        assertEquals(day.plusDays(2), q.cases().stream().filter(c -> c.role().equals(DM)).findFirst().orElseThrow()
                .due());
        assertEquals(day.plusDays(5), q.find(q.cases().get(1).responseId()).orElseThrow().due());
        assertEquals(List.of(day.plusDays(2), day.plusDays(5), day.plusDays(5), day.plusDays(7)),
                q.cases().stream().map(FollowUpCase::due).toList());
        FollowUpQueue custom = FollowUpQueue.of(p, AS_OF, FollowUpOptions.builder().slaDays(DM, 1).build());
        assertEquals(day.plusDays(1), custom.cases().get(0).due());
        assertEquals(List.of(), q.overdue(day.plusDays(2)).stream().map(FollowUpCase::contactId).toList());
        assertEquals(List.of("bdm"), q.overdue(day.plusDays(3)).stream().map(FollowUpCase::contactId).toList());
    }

    @Test
    void lookbackWindowIncludesTheAsOfDay() {
        Portfolio p = base().answer("bu", "BIG", 30, 0).answer("bin", "BIG", 29, 0).answer("bgk", "BIG", 0, 0)
                .answer("bdm", "BIG", -1, 0).build();
        assertEquals(List.of("bin", "bgk"),
                ids(FollowUpQueue.of(p, AS_OF, FollowUpOptions.builder().lookbackDays(30).build())));
        // the default look-back is one quarter, as the readout's
        assertEquals(90, FollowUpOptions.defaults().lookbackDays());
        assertEquals(List.of("bin", "bu", "bgk"), ids(FollowUpQueue.of(p, AS_OF)));
        Portfolio old = base().answer("bu", "BIG", 90, 0).answer("bin", "BIG", 89, 0).build();
        assertEquals(List.of("bin"), ids(FollowUpQueue.of(old, AS_OF)));
    }

    @Test
    void pastDueCasesShowTheDerivedStateOverdue() {
        Portfolio p = base().answer("bdm", "BIG", 10, 0).build();
        FollowUpQueue q = FollowUpQueue.of(p, AS_OF);
        FollowUpCase c = q.cases().get(0);
        assertEquals(CaseState.OPEN, c.state());
        assertEquals(CaseState.OVERDUE, c.stateAsOf(AS_OF));
        assertEquals(CaseState.OPEN, c.stateAsOf(c.due()));
        assertEquals(CaseState.OVERDUE, c.start().stateAsOf(AS_OF));
        assertEquals(CaseState.CLOSED, c.start().close().stateAsOf(AS_OF));
        // transitions stay open -> in-progress -> closed; overdue is never stored nor reachable
        for (CaseState s : CaseState.values()) {
            assertFalse(s.canMoveTo(CaseState.OVERDUE));
            assertFalse(CaseState.OVERDUE.canMoveTo(s));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> c.moveTo(CaseState.OVERDUE));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CaseState.parse("overdue"));
        assertEquals("overdue", CaseState.OVERDUE.label());
    }

    @Test
    void passiveDecisionMakersOnlyWhenAsked() {
        Portfolio p = base().answer("bdm", "BIG", 1, 7).answer("bu", "BIG", 1, 8).build();
        assertEquals(List.of(), ids(FollowUpQueue.of(p, AS_OF)));
        FollowUpQueue q = FollowUpQueue.of(p, AS_OF,
                FollowUpOptions.builder().includePassiveDecisionMakers(true).build());
        assertEquals(List.of("bdm"), ids(q));
    }

    @Test
    void unknownAccountValueGivesPriorityZero() {
        Portfolio p = Fx.portfolio().account(Account.of("A", "No value")).contact("c", "A", DM)
                .answer("c", "A", 1, 0).build();
        FollowUpCase c = FollowUpQueue.of(p, AS_OF).cases().get(0);
        assertEquals(0.0, c.priority());
        assertTrue(c.owner().isEmpty());
    }

    @Test
    void transitionsAreValidatedAndReturnNewQueues() {
        Portfolio p = base().answer("bdm", "BIG", 1, 0).build();
        FollowUpQueue q = FollowUpQueue.of(p, AS_OF);
        String id = q.cases().get(0).responseId();
        FollowUpQueue started = q.transition(id, CaseState.IN_PROGRESS);
        assertEquals(CaseState.OPEN, q.cases().get(0).state());
        assertEquals(CaseState.IN_PROGRESS, started.cases().get(0).state());
        FollowUpQueue closed = started.transition(id, CaseState.CLOSED);
        assertEquals(List.of(closed.cases().get(0)), closed.inState(CaseState.CLOSED));

        var e = assertThrows(IllegalStateException.class, () -> q.transition(id, CaseState.CLOSED));
        assertTrue(e.getMessage().contains("from open to closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> closed.transition(id, CaseState.OPEN));
        assertThrows(IllegalStateException.class, () -> started.transition(id, CaseState.IN_PROGRESS));
        assertThrows(IllegalArgumentException.class, () -> q.transition("nope", CaseState.IN_PROGRESS));
    }

    @Test
    void stateMachine() {
        assertTrue(CaseState.OPEN.canMoveTo(CaseState.IN_PROGRESS));
        assertTrue(CaseState.IN_PROGRESS.canMoveTo(CaseState.CLOSED));
        for (CaseState from : CaseState.values()) {
            for (CaseState to : CaseState.values()) {
                boolean allowed = (from == CaseState.OPEN && to == CaseState.IN_PROGRESS)
                        || (from == CaseState.IN_PROGRESS && to == CaseState.CLOSED);
                assertEquals(allowed, from.canMoveTo(to), from + " -> " + to);
            }
        }
        assertEquals(CaseState.IN_PROGRESS, CaseState.parse("in-progress"));
    }

    @Test
    void anAnswerFiledUnderTheWrongAccountIsAnError() {
        Portfolio p = base().build();
        var r = io.github.nps4j.core.Response.builder("R77", "SMALL", "bdm").answeredAt(AS_OF).score(0).build();
        // refused when the portfolio is made (Portfolio checks each response's account against its contact's)
        var e = assertThrows(IllegalArgumentException.class,
                () -> FollowUpQueue.of(Portfolio.of(p.accounts(), p.contacts(), List.of(r), List.of()), AS_OF));
        assertTrue(e.getMessage().contains("R77") && e.getMessage().contains("BIG"), e.getMessage());
    }

    @Test
    void toStringLeavesTheCommentOut() {
        Portfolio p = base().answer("bdm", "BIG", 1, 0).build();
        FollowUpCase c = FollowUpQueue.of(p, AS_OF).cases().get(0);
        assertFalse(c.toString().contains(c.comment().orElseThrow()));
    }

    @Test
    void twoCasesForOneResponseAreRefusedNamingTheResponse() {
        Portfolio p = base().answer("bu", "BIG", 3, 4).build();
        FollowUpCase only = FollowUpQueue.of(p, AS_OF).cases().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FollowUpQueue(AS_OF, List.of(only, only)));
        assertTrue(e.getMessage().contains("'" + only.responseId() + "'"), e.getMessage());
    }
}
