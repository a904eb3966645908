package org.cove.provider.internal.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.algorithm;
import static org.cove.provider.Assets.computeOptions;
import static org.cove.provider.Assets.dataset;
import static org.cove.provider.Assets.unpinned;

import java.util.Locale;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;
import org.junit.jupiter.api.Test;

/** How approving and revoking change a compute service's trusted algorithms, and nothing else. */
class TrustedAlgorithmEditsTest {

  static final Asset ALGORITHM = algorithm().build();
  static final String DID = ALGORITHM.did().value();
  static final TrustedAlgorithm PIN =
      TrustedAlgorithmEdits.pin(DID, "f".repeat(64), "c".repeat(64));
  static final TrustedAlgorithm OTHER = unpinned("did:op:" + "0".repeat(64));

  @Test
  void approving_pins_the_algorithm_in_place_of_any_entry_for_it() {
    ComputeOptions options =
        computeOptions()
            .withRawAlgorithms()
            .withTrustedAlgorithms(OTHER, unpinned(DID.toUpperCase(Locale.ROOT)))
            .withTrustedPublishers("*")
            .build();

    ComputeOptions approved = TrustedAlgorithmEdits.trusting(options, PIN);

    assertThat(approved.trustedAlgorithms()).containsExactly(OTHER, PIN);
    assertThat(approved.allowRawAlgorithm()).isTrue();
    assertThat(approved.allowNetworkAccess()).isFalse();
    assertThat(approved.trustedPublishers()).containsExactly("*");
  }

  @Test
  void revoking_removes_that_pin_and_leaves_what_the_publisher_set() {
    TrustedAlgorithm byHand = unpinned(DID);
    ComputeOptions options =
        computeOptions().withNetworkAccess().withTrustedAlgorithms(byHand, PIN, OTHER).build();

    ComputeOptions revoked = TrustedAlgorithmEdits.distrusting(options, PIN);

    assertThat(revoked.trustedAlgorithms()).containsExactly(byHand, OTHER);
    assertThat(revoked.allowNetworkAccess()).isTrue();
  }

  @Test
  void a_pin_is_both_checksums() {
    assertThat(PIN)
        .isEqualTo(
            new TrustedAlgorithm(DID, Optional.of("f".repeat(64)), Optional.of("c".repeat(64))));
  }

  @Test
  void a_service_without_options_allows_nothing() {
    assertThat(TrustedAlgorithmEdits.options(dataset().build(), COMPUTE))
        .isEqualTo(ComputeOptions.privateByDefault());
    assertThat(TrustedAlgorithmEdits.options(dataset().build(), "nope"))
        .isEqualTo(ComputeOptions.privateByDefault());
  }
}
