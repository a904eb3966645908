package org.cove.provider.internal.downloads;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cove.provider.ProviderException;
import org.cove.provider.internal.files.ChangedFileException;

/**
 * A download's bytes, its file's check failing as a {@code file-changed} problem with its reason
 * rather than as a bare I/O error: a client whose response has not begun gets 409 and why; one
 * whose response has begun sees the transfer break off before its last byte either way.
 */
final class ChangedFileRefusal extends FilterInputStream {

  private final boolean algorithm;

  ChangedFileRefusal(InputStream in, boolean algorithm) {
    super(in);
    this.algorithm = algorithm;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (ChangedFileException e) {
      throw refusal();
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (ChangedFileException e) {
      throw refusal();
    }
  }

  private ProviderException refusal() {
    return algorithm
        ? ProviderException.changed(
            ProviderException.ALGORITHM_CHANGED,
            "the algorithm's file no longer matches what was published; it is not provided")
        : ProviderException.changed(
            ProviderException.DATASET_CHANGED,
            "the file does not match the checksum its publisher declared; it is not provided");
  }
}
