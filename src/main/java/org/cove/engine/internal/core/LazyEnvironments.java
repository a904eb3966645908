package org.cove.engine.internal.core;

import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Environments;
import org.cove.shared.Address;

/** The operator's environments if there are any; without them results keep the fallback. */
public record LazyEnvironments(Instance<Environments> environments) implements Environments {
  @Override
  public List<ComputeEnvironment> list() {
    return environments.isResolvable() ? environments.get().list() : List.of();
  }

  @Override
  public Optional<ComputeEnvironment> find(String id) {
    return environments.isResolvable() ? environments.get().find(id) : Optional.empty();
  }

  @Override
  public ComputeEnvironment save(ComputeEnvironment environment, Address admin) {
    return environments.get().save(environment, admin);
  }

  @Override
  public void delete(String id, Address admin) {
    environments.get().delete(id, admin);
  }
}
