package org.cove.provider;

import java.util.Collection;
import java.util.Map;
import org.cove.identity.Principal;
import org.cove.shared.Did;
import org.cove.shared.NotFoundException;
import org.cove.shared.Page;

/** Publishing, finding and managing datasets and algorithms. */
public interface Catalogue {

  /** Publishes a new asset owned by the caller; recorded in the ledger. */
  Asset publish(Principal publisher, AssetDraft draft);

  /** Replaces an asset's description and services (owner only); its DID stays, updated moves. */
  Asset update(Principal caller, Did did, AssetDraft draft);

  /**
   * @throws org.cove.shared.NotFoundException when there is no such asset
   */
  Asset get(Did did);

  /**
   * Those of the given assets that exist, read together (a start reads its algorithm and every
   * dataset at once); a DID with no asset is simply absent from the map.
   */
  Map<Did, Asset> getAll(Collection<Did> dids);

  /** What a lookup of an asset that does not exist answers. */
  static NotFoundException noSuchAsset(Did did) {
    return new NotFoundException("no asset " + did.value());
  }

  Page<Asset> search(CatalogueQuery query);

  /** Enables or disables an asset (its owner or an admin); recorded in the ledger. */
  Asset setState(Principal caller, Did did, AssetState state);

  /** Replaces who may run what on a compute service (owner only); recorded in the ledger. */
  Asset setComputeOptions(Principal caller, Did did, String serviceId, ComputeOptions options);

  /** Sets what one use of a service costs (owner only; zero: free); recorded in the ledger. */
  Asset setPrice(Principal caller, Did did, String serviceId, Price price);
}
