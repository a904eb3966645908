package org.cove.provider;

import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * A CDI event the provider fires inside the transaction that changed what may run on or with an
 * asset: the asset updated, enabled or disabled, a compute service's options replaced (by hand or
 * by an approval's decision). Once that transaction has committed, the compute path asks again
 * whether each unfinished job that uses the asset would still be admitted, and ends those it would
 * not. {@code revokedAlgorithm} is the algorithm of an approval the change revoked, so that its
 * jobs can say what happened.
 *
 * @param by who made the change: the job's ledger entry names them
 */
public record AccessChanged(Did asset, Address by, Optional<Did> revokedAlgorithm) {

  public static AccessChanged of(Did asset, Address by) {
    return new AccessChanged(asset, by, Optional.empty());
  }
}
