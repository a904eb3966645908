package org.cove.provider.internal.approvals;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cove.provider.Assets.ACCESS;
import static org.cove.provider.Assets.algorithm;

import org.cove.provider.Asset;
import org.cove.provider.CodeReview.CodeFile;
import org.cove.provider.ProviderException;
import org.cove.provider.internal.files.TestContents;
import org.junit.jupiter.api.Test;

/** The code a reviewer reads is the code that was published, checked to its last byte. */
class AlgorithmCodeTest {

  private static final byte[] PUBLISHED = "print('mean')\n".getBytes(UTF_8);

  private final Asset code = algorithm().build();
  private final TestContents contents = new TestContents();

  @Test
  void the_published_code_is_shown() {
    contents.pinned(code.did().value(), ACCESS, PUBLISHED, PUBLISHED);

    assertThat(new AlgorithmCode(contents).read(code))
        .containsExactly(new CodeFile("file-0", "print('mean')\n", false, false));
  }

  @Test
  void code_that_no_longer_matches_is_not_shown_and_says_why() {
    contents.pinned(code.did().value(), ACCESS, PUBLISHED, "print('all inputs')\n".getBytes(UTF_8));

    ProviderException.Changed changed =
        catchThrowableOfType(
            ProviderException.Changed.class, () -> new AlgorithmCode(contents).read(code));

    assertThat(changed.reason()).isEqualTo("algorithm_changed");
    assertThat(changed.detail()).contains("no longer matches what was published");
  }

  @Test
  void a_file_past_the_display_limit_is_still_checked_to_its_end() {
    byte[] big = new byte[AlgorithmCode.MAX_BYTES + 10];
    java.util.Arrays.fill(big, (byte) 'a');
    byte[] altered = big.clone();
    altered[altered.length - 1] = 'b';
    contents.pinned(code.did().value(), ACCESS, big, altered);

    assertThat(
            catchThrowableOfType(
                    ProviderException.Changed.class, () -> new AlgorithmCode(contents).read(code))
                .reason())
        .isEqualTo("algorithm_changed");
  }
}
