package org.cove.provider.internal.downloads;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.cove.provider.Asset;
import org.cove.provider.internal.files.FileContents;
import org.cove.provider.internal.payments.ChainPayments;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;

/** A download and the payments for it, recorded in one transaction as the file is opened. */
@ApplicationScoped
class DownloadRecords {

  private FileContents contents;
  private AuditTrail auditTrail;
  private ChainPayments payments;

  @Inject
  DownloadRecords(FileContents contents, AuditTrail auditTrail, ChainPayments payments) {
    this.contents = contents;
    this.auditTrail = auditTrail;
    this.payments = payments;
  }

  /** For CDI's proxy. */
  protected DownloadRecords() {}

  @Transactional
  FileContents.Content record(
      Address consumer,
      Asset asset,
      String serviceId,
      int fileIndex,
      List<ChainPayments.Verified> paid) {
    String did = asset.did().value();
    if (!paid.isEmpty()) {
      payments.record(paid, "download:" + did + "/" + serviceId + "/" + fileIndex);
    }
    auditTrail.record(
        new AuditEvent(
            consumer,
            "downloaded",
            did,
            JSON.createObjectBuilder().add("service", serviceId).add("file", fileIndex).build(),
            AuditEvent.parties(consumer, asset.publisher())));
    // Opened last: a file that cannot be opened rolls the payment back, unused.
    return contents.open(did, serviceId, fileIndex);
  }
}
