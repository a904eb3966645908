package org.cove.engine.internal.core;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Environments;
import org.cove.shared.Address;

/** One environment of any id, whose storage expiry the test sets; read-only otherwise. */
public final class TestEnvironments implements Environments {

  private final LongSupplier storageExpirySeconds;

  public TestEnvironments(LongSupplier storageExpirySeconds) {
    this.storageExpirySeconds = storageExpirySeconds;
  }

  @Override
  public List<ComputeEnvironment> list() {
    return List.of(find("local").orElseThrow());
  }

  @Override
  public Optional<ComputeEnvironment> find(String id) {
    return Optional.of(
        new ComputeEnvironment(
            id,
            "test",
            "x86_64",
            "linux",
            List.of(),
            1,
            3600,
            10,
            storageExpirySeconds.getAsLong(),
            false,
            Optional.empty(),
            Optional.empty()));
  }

  @Override
  public ComputeEnvironment save(ComputeEnvironment environment, Address admin) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void delete(String id, Address admin) {
    throw new UnsupportedOperationException();
  }
}
