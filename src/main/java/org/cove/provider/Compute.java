package org.cove.provider;

import java.util.List;
import org.cove.identity.Principal;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.shared.Did;

/**
 * The provider's compute path. Both calls check the same things: the datasets and their services,
 * the permission rules (which algorithms may run), credentials, prices, the environment's
 * resources, durations and capacity, the consumer parameters against the algorithm's {@code
 * consumerParameters}, and that the engine can run the algorithm's container. Each refusal names
 * its reason.
 */
public interface Compute {

  ComputeQuote initialize(ComputeRequest request);

  /** Starts the job: records the submission in the ledger and registers it with the operator. */
  Job start(ComputeRequest request);

  /** The algorithms the consumer may run on the dataset's compute service right now. */
  List<Asset> runnableAlgorithms(Principal consumer, Did dataset, String serviceId);

  /**
   * Publishes the outputs of a finished job as a new dataset owned by the job's owner: compute-only
   * and private (no algorithm allowed) until its publisher says otherwise.
   */
  Asset publishOutput(Principal owner, JobId job, String title);
}
