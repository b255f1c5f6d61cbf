/**
 * The survey planner: whom to invite on a day under contact-frequency rules.
 *
 * <p>{@link io.github.nps4j.accountmap.planner.SurveyPlanner} respects a quiet period counted from the later of a
 * contact's last invitation and last answer, caps the invitations per account per run, invites roles that have not
 * been heard recently first (decision-makers before influencers before gatekeepers before users) and switches an
 * account to a transactional survey after a recent episode
 * ({@link io.github.nps4j.accountmap.planner.EpisodeEvent}). Every
 * {@link io.github.nps4j.accountmap.planner.PlannedInvitation} carries the reason it was chosen.
 *
 * <p>Example usage:
 * <pre>{@code
 * SurveyPlan plan = SurveyPlanner.builder().quietDays(90).maxPerAccount(5).build()
 *         .plan(portfolio, LocalDate.of(2026, 6, 30));
 * for (PlannedInvitation i : plan.invitations()) {
 *     send(i.contactId(), i.episode());
 * }
 * }</pre>
 *
 * <p>Nulls are not accepted. Plans are immutable records; nothing here logs.
 */
@NullMarked
package io.github.nps4j.accountmap.planner;

import org.jspecify.annotations.NullMarked;
