package org.cove.engine.internal.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cove.engine.internal.core.EngineScenarios;
import org.cove.engine.internal.core.FakeAuditTrail;
import org.cove.engine.internal.core.FakeInputs;
import org.cove.operator.JobId;
import org.cove.operator.spi.ComputeEngine;
import org.cove.shared.Address;

/** The shared scenarios on the local engine: real bubblewrap sandboxes on this machine. */
class LocalEngineScenariosTest extends EngineScenarios {

  @Override
  protected Backend backend(Path dataDir) {
    EngineFixture fixture = new EngineFixture(dataDir, EngineFixture.settings());
    return new Backend() {
      @Override
      public ComputeEngine engine() {
        return fixture.engine;
      }

      @Override
      public FakeInputs inputs() {
        return fixture.inputs;
      }

      @Override
      public FakeAuditTrail ledger() {
        return fixture.ledger;
      }

      @Override
      public Address actor() {
        return EngineFixture.ENGINE;
      }

      /** The job's inputs and sandbox tree go once its end is stored. */
      @Override
      public boolean settled(JobId id) {
        return !Files.exists(fixture.jobDirectory(id).resolve("data"));
      }

      @Override
      public void close() {
        fixture.close();
      }
    };
  }
}
