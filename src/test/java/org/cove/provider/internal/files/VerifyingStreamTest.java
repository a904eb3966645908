package org.cove.provider.internal.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cove.shared.Hashes;
import org.junit.jupiter.api.Test;

/** A pinned file's bytes as a reader gets them: all of them if they match, never all otherwise. */
class VerifyingStreamTest {

  private static final byte[] PUBLISHED = "print('mean')\n".repeat(5000).getBytes(UTF_8);

  @Test
  void matching_bytes_are_read_whole_in_any_chunk_size() throws IOException {
    for (int chunk : new int[] {1, 7, 8192, 1 << 20}) {
      InputStream in = new VerifyingStream(new ByteArrayInputStream(PUBLISHED), sha(PUBLISHED));
      assertThat(readInChunks(in, chunk, new ByteArrayOutputStream())).isEqualTo(PUBLISHED);
    }
    assertThat(new VerifyingStream(InputStream.nullInputStream(), sha(new byte[0])).read())
        .isEqualTo(-1);
  }

  @Test
  void changed_bytes_end_in_an_exception_before_the_last_byte_is_handed_out() {
    byte[] changed = PUBLISHED.clone();
    changed[changed.length - 1] = '!';
    for (int chunk : new int[] {1, 8192, 1 << 20}) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      InputStream in = new VerifyingStream(new ByteArrayInputStream(changed), sha(PUBLISHED));

      assertThatThrownBy(() -> readInChunks(in, chunk, got))
          .isInstanceOf(ChangedFileException.class);
      assertThat(got.size()).isLessThan(changed.length);
      assertThatThrownBy(in::read)
          .as("and it stays changed")
          .isInstanceOf(ChangedFileException.class);
    }
  }

  @Test
  void transfer_to_and_skip_are_checked_too() throws IOException {
    byte[] changed = "print('every input file')\n".getBytes(UTF_8);

    assertThatThrownBy(
            () ->
                new VerifyingStream(new ByteArrayInputStream(changed), sha(PUBLISHED))
                    .transferTo(new ByteArrayOutputStream()))
        .isInstanceOf(ChangedFileException.class);
    InputStream skipping = new VerifyingStream(new ByteArrayInputStream(changed), sha(PUBLISHED));
    assertThatThrownBy(() -> skipping.skip(changed.length + 1L))
        .isInstanceOf(ChangedFileException.class);
  }

  private static byte[] readInChunks(InputStream in, int chunk, ByteArrayOutputStream out)
      throws IOException {
    byte[] buffer = new byte[chunk];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String sha(byte[] bytes) {
    return Hashes.sha256Hex(bytes);
  }
}
