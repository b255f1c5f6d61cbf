package io.github.nps4j.accountmap;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The immutable list of an {@link AccountMap}'s accounts with an index by account id, so that looking accounts up one
 * by one (as a ranking printed row by row does) is not quadratic. Equal to any list of the same elements.
 */
final class MappedAccounts extends AbstractList<MappedAccount> implements RandomAccess {
    private final List<MappedAccount> accounts;
    private final Map<String, Integer> byId;

    MappedAccounts(List<MappedAccount> accounts) {
        this.accounts = List.copyOf(accounts);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.accounts.size(); i++) {
            index.putIfAbsent(this.accounts.get(i).accountId(), i);
        }
        this.byId = index;
    }

    static MappedAccounts of(List<MappedAccount> accounts) {
        return accounts instanceof MappedAccounts m ? m : new MappedAccounts(accounts);
    }

    /** The first account of that id, as a scan in list order would find. */
    Optional<MappedAccount> find(String accountId) {
        Integer i = byId.get(accountId);
        return i == null ? Optional.empty() : Optional.of(accounts.get(i));
    }

    @Override
    public MappedAccount get(int index) {
        return accounts.get(index);
    }

    @Override
    public int size() {
        return accounts.size();
    }
}
