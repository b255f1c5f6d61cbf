package io.github.nps4j.accountmap;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact on an account map: its role, whether it was invited and its latest answer in the map window.
 *
 * <p>A contact that answered but is missing from the portfolio's contact list still appears (it evidently belongs to
 * the account), with {@code listed = false} and the role of its answer (or {@link AccountMapOptions#UNKNOWN_ROLE}).
 * Value-based and immutable; {@link #toString()} leaves the answer's comment out.
 *
 * @param contactId the contact
 * @param role the contact's role on the map (its role in the contact list)
 * @param listed true if the contact is in the portfolio's contact list
 * @param invited true if the contact was invited in the window, or answered in it (an answer implies an invitation)
 * @param latestAnswer the contact's latest answer in the window, if any (its role set to {@code role})
 * @since 0.1.0
 */
public record ContactEntry(String contactId, Role role, boolean listed, boolean invited,
        Optional<Response> latestAnswer) {

    /**
     * Checks the entry.
     *
     * @throws IllegalArgumentException if the answer belongs to another contact
     */
    public ContactEntry {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(latestAnswer, "latestAnswer");
        if (latestAnswer.isPresent() && !latestAnswer.get().contactId().equals(contactId)) {
            throw new IllegalArgumentException("response " + latestAnswer.get().id() + " of contact "
                    + latestAnswer.get().contactId() + " is not an answer of contact " + contactId);
        }
    }

    /**
     * Tells whether the contact answered in the window.
     *
     * @return true if there is a latest answer
     */
    public boolean responded() {
        return latestAnswer.isPresent();
    }

    /**
     * Returns the category of the latest answer.
     *
     * @return promoter, passive or detractor; empty if the contact did not answer in the window
     */
    public Optional<Category> category() {
        return latestAnswer.map(Response::category);
    }
}
