package org.cove.provider.internal.downloads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.Decision;
import org.cove.provider.Downloads;
import org.cove.provider.PaymentQuote;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Service;
import org.cove.provider.internal.catalogue.SampleReferences;
import org.cove.provider.internal.files.FileContents;
import org.cove.provider.internal.payments.ChainPayments;
import org.cove.provider.internal.payments.Due;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * Downloads of access services' files: the permission rules, then the payment (verified on the
 * chain before any database transaction), then, in one transaction, the payment and the download in
 * the ledger.
 */
@ApplicationScoped
class LedgeredDownloads implements Downloads {

  private Catalogue catalogue;
  private FileContents contents;
  private ChainPayments payments;
  private DownloadRecords records;
  private SampleReferences samples;

  @Inject
  LedgeredDownloads(
      Catalogue catalogue,
      FileContents contents,
      ChainPayments payments,
      DownloadRecords records,
      SampleReferences samples) {
    this.catalogue = catalogue;
    this.contents = contents;
    this.payments = payments;
    this.records = records;
    this.samples = samples;
  }

  /** For CDI's proxy. */
  protected LedgeredDownloads() {}

  @Override
  public Optional<PaymentQuote> initialize(Address consumer, Did did, String serviceId) {
    Asset asset = catalogue.get(did);
    Service service = permitted(asset, serviceId, consumer);
    return Due.of(service, asset, consumer, Optional.empty(), payments.chainId())
        .map(due -> payments.quote(consumer, due));
  }

  @Override
  public Download open(
      Address consumer, Did did, String serviceId, int fileIndex, Optional<String> transferTxId) {
    Asset asset = catalogue.get(did);
    Service service = permitted(asset, serviceId, consumer);
    List<ChainPayments.Verified> paid =
        Due.of(service, asset, consumer, transferTxId, payments.chainId())
            .map(due -> payments.verify(consumer, List.of(due)))
            .orElse(List.of());
    FileContents.Content content = records.record(consumer, asset, serviceId, fileIndex, paid);
    return new Download(
        content.filename(),
        content.size(),
        new ChangedFileRefusal(content.stream(), asset.isAlgorithm()));
  }

  private static Service permitted(Asset asset, String serviceId, Address consumer) {
    Decision decision = Permissions.mayDownload(asset, serviceId, consumer);
    if (!decision.allowed()) {
      throw ProviderException.refused(decision.refusal().orElseThrow());
    }
    return asset.service(serviceId).orElseThrow();
  }

  @Override
  @Transactional
  public Download openSample(Did did) {
    FileContents.Content content = contents.openSample(did.value(), samples.sealedSample(did));
    return new Download(content.filename(), content.size(), content.stream());
  }
}
