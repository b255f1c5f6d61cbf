/**
 * Closing the loop: the follow-up queue of answers that call for a call-back.
 *
 * <p>{@link io.github.nps4j.accountmap.followup.FollowUpQueue#of} opens one
 * {@link io.github.nps4j.accountmap.followup.FollowUpCase} per detractor answer in the last 90 days
 * ({@link io.github.nps4j.accountmap.followup.FollowUpOptions#DEFAULT_LOOKBACK_DAYS}; optionally per passive
 * decision-maker), owned by the account owner, due after the role's SLA and prioritised by role weight × account
 * value. Cases move {@code open → in-progress → closed} ({@link io.github.nps4j.accountmap.followup.CaseState}); any
 * other transition is an {@link java.lang.IllegalStateException}. A case not closed by its due date shows the derived
 * state {@code overdue} on later days ({@link io.github.nps4j.accountmap.followup.FollowUpCase#stateAsOf}); it is
 * never stored. The queue and its cases are immutable: transitions return new ones.
 *
 * <p>Example usage:
 * <pre>{@code
 * FollowUpQueue q = FollowUpQueue.of(portfolio, asOf, FollowUpOptions.builder()
 *         .includePassiveDecisionMakers(true).build());
 * for (FollowUpCase c : q.cases()) {
 *     notify(c.owner(), c.accountId(), c.due());
 * }
 * q = q.transition(q.cases().get(0).responseId(), CaseState.IN_PROGRESS);
 * }</pre>
 *
 * <p>Cases carry the answer's comment, which is personal data; {@code toString()} leaves it out and nothing here
 * logs. Nulls are not accepted.
 */
@NullMarked
package io.github.nps4j.accountmap.followup;

import org.jspecify.annotations.NullMarked;
