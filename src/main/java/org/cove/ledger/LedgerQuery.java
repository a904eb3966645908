package org.cove.ledger;

import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.InvalidInputException;

/**
 * A filter over the ledger, newest entries first. {@code visibleTo} limits the result to entries an
 * account may see (it acted, or it is a party or the subject); empty means all (admins).
 */
public record LedgerQuery(
    Optional<String> kind,
    Optional<Address> actor,
    Optional<String> subject,
    Optional<Address> visibleTo,
    int page,
    int size) {

  public static final int MAX_SIZE = 500;

  public LedgerQuery {
    if (page < 0) {
      throw new InvalidInputException("page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size must be between 1 and " + MAX_SIZE);
    }
  }

  public static LedgerQuery all(int page, int size) {
    return new LedgerQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), page, size);
  }
}
