package io.github.nps4j.accountmap;

import static io.github.nps4j.accountmap.Fx.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each flag on hand-built accounts that have it and that just miss it. */
class FlagsTest {
    private static final Role DM = Role.DECISION_MAKER;
    private static final Role INF = Role.INFLUENCER;
    private static final Role USER = Role.USER;

    private static MappedAccount map(Fx fx) {
        return AccountMap.of(fx.build(), AS_OF).account("A").orElseThrow();
    }

    /** An account with a decision-maker, an influencer and three users (so one answer is 20 % coverage). */
    private static Fx base() {
        return Fx.portfolio().account("A").contact("dm", "A", DM).contact("in", "A", INF)
                .contacts("u", 3, "A", USER);
    }

    @Nested
    class DeciderDetractor {
        @Test
        void raisedWhenTheDecidersLatestAnswerIsADetractor() {
            assertTrue(map(base().answer("dm", "A", 200, 10).answer("dm", "A", 10, 6))
                    .has(Flag.DECIDER_DETRACTOR));
        }

        @Test
        void missedWhenTheDecidersLatestAnswerIsPassive() {
            MappedAccount m = map(base().answer("dm", "A", 200, 2).answer("dm", "A", 10, 7));
            assertFalse(m.has(Flag.DECIDER_DETRACTOR));
        }

        @Test
        void missedWhenTheDetractorAnswerIsOnTheExcludedFirstDayOfTheWindow() {
            assertFalse(map(base().answer("dm", "A", 365, 0)).has(Flag.DECIDER_DETRACTOR));
            assertTrue(map(base().answer("dm", "A", 364, 0)).has(Flag.DECIDER_DETRACTOR));
        }

        @Test
        void missedWhenOnlyAUserDetracts() {
            assertFalse(map(base().answer("dm", "A", 5, 9).answer("u1", "A", 5, 0)).has(Flag.DECIDER_DETRACTOR));
        }
    }

    @Nested
    class NoDeciderHeard {
        @Test
        void raisedWhenOnlyOthersAnswered() {
            assertTrue(map(base().answer("in", "A", 5, 9).answer("u1", "A", 5, 9)).has(Flag.NO_DECIDER_HEARD));
        }

        @Test
        void missedWhenTheDeciderAnsweredOnTheFirstDayOfTheWindow() {
            assertFalse(map(base().answer("dm", "A", 364, 9)).has(Flag.NO_DECIDER_HEARD));
            assertTrue(map(base().answer("dm", "A", 365, 9)).has(Flag.NO_DECIDER_HEARD));
        }

        @Test
        void answersAfterTheAsOfDayDoNotCount() {
            assertTrue(map(base().answer("dm", "A", -1, 9)).has(Flag.NO_DECIDER_HEARD));
            assertFalse(map(base().answer("dm", "A", 0, 9)).has(Flag.NO_DECIDER_HEARD));
        }
    }

    @Nested
    class Silent {
        @Test
        void raisedWhenTheLastAnswerIs180DaysAgo() {
            assertTrue(map(base().answer("u1", "A", 180, 9)).has(Flag.SILENT));
        }

        @Test
        void missedWhenTheLastAnswerIs179DaysAgo() {
            assertFalse(map(base().answer("u1", "A", 179, 9)).has(Flag.SILENT));
        }

        @Test
        void raisedWhenThereWasNeverAnAnswer() {
            assertTrue(map(base()).has(Flag.SILENT));
        }

        @Test
        void thresholdIsConfigurable() {
            var p = base().answer("u1", "A", 100, 9).build();
            var o = AccountMapOptions.builder().silentDays(90).build();
            assertTrue(AccountMap.of(p, AS_OF, o).account("A").orElseThrow().has(Flag.SILENT));
        }
    }

    @Nested
    class Polarised {
        @Test
        void raisedByAPromotingDeciderAndADetractingInfluencer() {
            assertTrue(map(base().answer("dm", "A", 5, 10).answer("in", "A", 5, 3)).has(Flag.POLARISED));
        }

        @Test
        void missedWhenTheDetractorIsAUser() {
            assertFalse(map(base().answer("dm", "A", 5, 10).answer("u1", "A", 5, 3)).has(Flag.POLARISED));
        }

        @Test
        void missedWhenTheInfluencerIsPassive() {
            assertFalse(map(base().answer("dm", "A", 5, 10).answer("in", "A", 5, 7)).has(Flag.POLARISED));
        }

        @Test
        void usesLatestAnswersOnly() {
            assertFalse(map(base().answer("dm", "A", 5, 10).answer("in", "A", 50, 3).answer("in", "A", 4, 9))
                    .has(Flag.POLARISED));
        }
    }

    @Nested
    class LowCoverage {
        @Test
        void raisedWhenOneOfSixAnswered() {
            MappedAccount m = map(base().contact("u4", "A", USER).answer("u1", "A", 5, 9));
            assertEquals(6, m.total().mapped());
            assertTrue(m.has(Flag.LOW_COVERAGE));
        }

        @Test
        void missedWhenExactlyOneOfFiveAnswered() {
            MappedAccount m = map(base().answer("u1", "A", 5, 9));
            assertEquals(5, m.total().mapped());
            assertFalse(m.has(Flag.LOW_COVERAGE));
        }

        @Test
        void raisedForAnAccountWithoutContacts() {
            assertTrue(map(Fx.portfolio().account("A")).has(Flag.LOW_COVERAGE));
        }
    }

    @Nested
    class Declining {
        /** Before (7 P, 3 A, 0 D) in days 91–180 ago; recent answers in days 1–90 ago. */
        private Fx periods(int recentPromoters, int recentPassives, int recentDetractors) {
            Fx fx = Fx.portfolio().account("A").contacts("b", 10, "A", USER).contacts("r", 10, "A", USER);
            for (int i = 1; i <= 10; i++) {
                fx.answer("b" + i, "A", 100, i <= 7 ? 9 : 7);
            }
            int i = 1;
            for (int k = 0; k < recentPromoters; k++) {
                fx.answer("r" + i++, "A", 10, 10);
            }
            for (int k = 0; k < recentPassives; k++) {
                fx.answer("r" + i++, "A", 10, 8);
            }
            for (int k = 0; k < recentDetractors; k++) {
                fx.answer("r" + i++, "A", 10, 5);
            }
            return fx;
        }

        @Test
        void raisedWhenPJustBelowFivePercent() {
            MappedAccount m = map(periods(4, 3, 3));
            assertEquals(-60.0, m.decline().difference().getAsDouble(), 1e-12);
            assertEquals(0.0455, m.decline().pValue().getAsDouble(), 1e-4);
            assertTrue(m.has(Flag.DECLINING));
        }

        @Test
        void missedWhenPJustAboveFivePercent() {
            MappedAccount m = map(periods(3, 7, 0));
            assertEquals(-40.0, m.decline().difference().getAsDouble(), 1e-12);
            assertEquals(0.0510, m.decline().pValue().getAsDouble(), 1e-4);
            assertFalse(m.has(Flag.DECLINING));
        }

        @Test
        void aSignificantRiseIsNotADecline() {
            Fx fx = Fx.portfolio().account("A").contacts("b", 10, "A", USER).contacts("r", 10, "A", USER);
            for (int i = 1; i <= 10; i++) {
                fx.answer("b" + i, "A", 100, i <= 5 ? 2 : 8);
                fx.answer("r" + i, "A", 10, 10);
            }
            MappedAccount m = map(fx);
            assertTrue(m.decline().pValue().getAsDouble() < 0.05);
            assertFalse(m.has(Flag.DECLINING));
        }

        @Test
        void degeneratePeriodsAreNotTested() {
            Fx fx = Fx.portfolio().account("A").contacts("b", 5, "A", USER).contacts("r", 5, "A", USER);
            for (int i = 1; i <= 5; i++) {
                fx.answer("b" + i, "A", 100, 10);
                fx.answer("r" + i, "A", 10, 0);
            }
            MappedAccount m = map(fx);
            assertEquals(0.0, m.decline().standardError().getAsDouble());
            assertTrue(m.decline().pValue().isEmpty());
            assertTrue(m.decline().note().contains("standard error 0"), m.decline().note());
            assertFalse(m.has(Flag.DECLINING));
        }

        @Test
        void anEmptyPeriodIsNotTested() {
            MappedAccount m = map(Fx.portfolio().account("A").contact("r1", "A", USER).answer("r1", "A", 10, 0));
            assertTrue(m.decline().difference().isEmpty());
            assertFalse(m.has(Flag.DECLINING));
        }
    }
}
