package org.cove.operator;

import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;

/**
 * The compute environments this operator offers. They come from configuration and may be edited by
 * admins; an edit is recorded in the ledger.
 */
public interface Environments {

  List<ComputeEnvironment> list();

  Optional<ComputeEnvironment> find(String id);

  /** The environment, or a refusal naming {@code environment_not_found}. */
  default ComputeEnvironment require(String id) {
    return find(id)
        .orElseThrow(
            () -> ComputeRefusal.of("environment_not_found", "no compute environment " + id));
  }

  /** Creates or replaces an environment; the caller has checked that {@code admin} is one. */
  ComputeEnvironment save(ComputeEnvironment environment, Address admin);

  /** Removes an environment; the caller has checked that {@code admin} is one. */
  void delete(String id, Address admin);
}
