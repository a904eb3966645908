package org.cove.provider.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.Catalogue;
import org.cove.provider.Decision;
import org.cove.provider.Downloads;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.Service;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.Did;
import org.cove.shared.NotFoundException;

@ApplicationScoped
class LedgeredDownloads implements Downloads {

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  @Inject Catalogue catalogue;

  @Inject FileContents contents;

  @Inject AuditTrail auditTrail;

  @Override
  @Transactional
  public Download open(Address consumer, Did did, String serviceId, int fileIndex) {
    Asset asset = catalogue.get(did);
    Decision decision = Permissions.mayDownload(asset, serviceId, consumer);
    if (!decision.allowed()) {
      throw ProviderException.refused(decision.refusal().orElseThrow());
    }
    Service service = asset.service(serviceId).orElseThrow();
    if (!service.price().isFree() && !asset.publisher().equals(consumer)) {
      throw new ProviderException(
          ProviderException.PAYMENT_REQUIRED,
          "this service costs "
              + service.price().amount().toPlainString()
              + "; payments are not"
              + " available yet");
    }
    FileContents.Content content = contents.open(did.value(), serviceId, fileIndex);
    auditTrail.record(
        new AuditEvent(
            consumer,
            "downloaded",
            did.value(),
            JSON.createObjectBuilder().add("service", serviceId).add("file", fileIndex).build(),
            AuditEvent.parties(consumer, asset.publisher())));
    return new Download(content.filename(), content.size(), content.stream());
  }

  @Override
  @Transactional
  public Download openSample(Did did) {
    AssetEntity entity = entityManager.find(AssetEntity.class, did.value());
    if (entity == null || entity.sample == null) {
      throw new NotFoundException("no sample for " + did.value());
    }
    if (entity.state.equals(AssetState.DISABLED.name())) {
      throw ProviderException.refused(Reason.ASSET_DISABLED);
    }
    FileContents.Content content = contents.openSample(did.value(), entity.sample);
    return new Download(content.filename(), content.size(), content.stream());
  }
}
