package org.cove.provider.internal.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cove.provider.AssetState;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.shared.Did;
import org.cove.shared.NotFoundException;

/**
 * An asset's sample as the catalogue keeps it: its file reference, sealed, in the asset's row. The
 * access service opens it through the files room; the catalogue says whether it may be had.
 */
@ApplicationScoped
public class SampleReferences {

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  /**
   * The sealed reference of the asset's sample, in the caller's transaction.
   *
   * @throws NotFoundException when there is no such asset, or it has no sample
   * @throws ProviderException refused ({@code asset_disabled}) when the asset is disabled
   */
  public byte[] sealedSample(Did did) {
    AssetEntity entity = entityManager.find(AssetEntity.class, did.value());
    if (entity == null || entity.sample == null) {
      throw new NotFoundException("no sample for " + did.value());
    }
    if (entity.state.equals(AssetState.DISABLED.name())) {
      throw ProviderException.refused(Reason.ASSET_DISABLED);
    }
    return entity.sample;
  }
}
