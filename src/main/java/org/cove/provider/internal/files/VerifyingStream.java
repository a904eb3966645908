package org.cove.provider.internal.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.cove.shared.Hashes;

/**
 * Hands out a file's bytes while hashing them, and holds the last byte back until the hash is known
 * to match: a reader of a changed file gets {@link ChangedFileException} instead of its end, so it
 * never holds the whole of it (a download breaks off, a job's input is never complete).
 */
final class VerifyingStream extends FilterInputStream {

  private final MessageDigest sha256 = Hashes.sha256();
  private final byte[] expected;
  private int held = -1;
  private boolean done;
  private boolean changed;

  VerifyingStream(InputStream in, String expectedSha256) {
    super(in);
    this.expected = HexFormat.of().parseHex(expectedSha256);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (changed) {
      throw new ChangedFileException();
    }
    if (length == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    int count = 0;
    if (held >= 0) {
      buffer[offset] = (byte) held;
      held = -1;
      count = 1;
    }
    boolean end = false;
    if (count < length) {
      int n = in.read(buffer, offset + count, length - count);
      if (n < 0) {
        end = true;
      } else {
        count += n;
      }
    }
    if (!end) {
      held = in.read(); // one byte ahead, to know whether these are the last
      end = held < 0;
    }
    sha256.update(buffer, offset, count);
    if (end) {
      done = true;
      changed = !MessageDigest.isEqual(sha256.digest(), expected);
      if (changed) {
        throw new ChangedFileException();
      }
    }
    return count == 0 && end ? -1 : count;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipped bytes must be hashed too
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public int available() {
    return 0;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int limit) {
    // not supported
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}
