package io.github.nps4j.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A person at an account whom we survey. Names and e-mail addresses are deliberately not part of the model: a contact
 * is an id, its account, its role, and optionally its function (department) and an influence weight.
 *
 * @param id the contact id, non-blank
 * @param accountId the id of the contact's account
 * @param role the contact's role in the buying organisation
 * @param function the function or department, if known
 * @param influence an influence weight ({@code >= 0}, finite), if the caller keeps one
 * @since 0.1.0
 */
public record Contact(String id, String accountId, Role role, Optional<String> function, OptionalDouble influence) {

    /**
     * Validates the contact.
     *
     * @throws IllegalArgumentException on a blank id or account id, or a negative or non-finite influence
     */
    public Contact {
        id = Ids.require(id, "contact id");
        accountId = Ids.require(accountId, "account id", "contact", id);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(function, "function");
        function = function.map(String::strip).filter(f -> !f.isEmpty());
        Objects.requireNonNull(influence, "influence");
        if (influence.isPresent()) {
            Ids.requireNonNegativeFinite(influence.getAsDouble(), "influence of contact " + id);
        }
    }

    /**
     * Returns a contact without function or influence.
     *
     * @param id the contact id
     * @param accountId the account id
     * @param role the role
     * @return the contact
     */
    public static Contact of(String id, String accountId, Role role) {
        return new Contact(id, accountId, role, Optional.empty(), OptionalDouble.empty());
    }
}
