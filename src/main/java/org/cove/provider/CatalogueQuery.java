package org.cove.provider;

import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.InvalidInputException;

/**
 * A catalogue search: words to find in names, tags and descriptions, filters, and a page (from 0),
 * newest updates first. Disabled assets show only when {@code includeDisabled}.
 */
public record CatalogueQuery(
    Optional<String> text,
    Optional<AssetType> type,
    Optional<String> tag,
    Optional<Address> publisher,
    boolean includeDisabled,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;

  public CatalogueQuery {
    if (page < 0) {
      throw new InvalidInputException("page counts from 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size must be between 1 and " + MAX_SIZE);
    }
    text.filter(t -> t.length() > 200)
        .ifPresent(
            t -> {
              throw new InvalidInputException("text must be at most 200 characters");
            });
  }
}
