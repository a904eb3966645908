package org.cove.engine.internal.kubernetes;

import java.nio.file.Path;
import org.cove.engine.internal.core.EngineScenarios;
import org.cove.engine.internal.core.FakeAuditTrail;
import org.cove.engine.internal.core.FakeInputs;
import org.cove.operator.JobId;
import org.cove.operator.spi.ComputeEngine;
import org.cove.shared.Address;

/**
 * The shared scenarios on the kubernetes engine: the mock API server in CRUD mode with the CRD
 * registered, and a {@link RunningKubelet} that runs the pods the engine generates.
 */
class KubernetesEngineScenariosTest extends EngineScenarios {

  @Override
  protected Backend backend(Path dataDir) {
    KubeFixture kube = new KubeFixture(dataDir);
    KubernetesBackend engine = kube.engine(KubeFixture.settings());
    RunningKubelet kubelet = new RunningKubelet(kube, engine.exchange(), dataDir.resolve("node"));
    engine.runtime().startController();
    return new Backend() {
      @Override
      public ComputeEngine engine() {
        return engine.jobs();
      }

      @Override
      public FakeInputs inputs() {
        return kube.inputs;
      }

      @Override
      public FakeAuditTrail ledger() {
        return kube.ledger;
      }

      @Override
      public Address actor() {
        return KubeFixture.ENGINE;
      }

      /** The job's pods are deleted once its end is stored, and none of them still runs. */
      @Override
      public boolean settled(JobId id) {
        return kubelet.idle(id);
      }

      @Override
      public void close() {
        kubelet.close();
        kube.close();
      }
    };
  }
}
