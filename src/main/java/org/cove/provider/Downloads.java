package org.cove.provider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * The access service: files of access services for those the rules admit, every download a ledger
 * entry; and datasets' public samples. Bytes come through Cove, never from where they are kept.
 */
public interface Downloads {

  /**
   * Checks the permission rules and the price, records the download, and opens the file.
   *
   * @throws ProviderException refused with its reason, or payment_required for a priced service
   * @throws org.cove.shared.NotFoundException for an unknown asset, service or file index
   */
  default Download open(Address consumer, Did did, String serviceId, int fileIndex) {
    return open(consumer, did, serviceId, fileIndex, Optional.empty());
  }

  /**
   * As above, paying a priced service with the named transaction (one transaction pays for one
   * download).
   *
   * @throws PaymentRefusal when the transaction does not pay for it (or none is named)
   */
  Download open(
      Address consumer, Did did, String serviceId, int fileIndex, Optional<String> transferTxId);

  /**
   * The download path's initialize: checks the permission rules and, for a priced service, quotes
   * its price (remembered, so a payment can be checked against it); empty when it is free for this
   * consumer.
   */
  Optional<PaymentQuote> initialize(Address consumer, Did did, String serviceId);

  /** The asset's public sample file. */
  Download openSample(Did did);

  /** An opened file; the caller streams it and closes it. */
  record Download(String filename, Optional<Long> size, InputStream stream)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      stream.close();
    }
  }
}
