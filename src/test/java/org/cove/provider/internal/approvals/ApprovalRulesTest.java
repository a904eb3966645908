package org.cove.provider.internal.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cove.provider.Assets.ACCESS;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.CONSUMER;
import static org.cove.provider.Assets.SOMEONE_ELSE;
import static org.cove.provider.Assets.accessService;
import static org.cove.provider.Assets.algorithm;
import static org.cove.provider.Assets.computeOptions;
import static org.cove.provider.Assets.dataset;
import static org.cove.provider.Assets.pinnedTo;

import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.cove.provider.ApprovalState;
import org.cove.provider.Asset;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.shared.InvalidInputException;
import org.cove.shared.NotFoundException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which approval requests can be made, and that the first refusal met is the answer. Unless a test
 * says otherwise, {@link org.cove.provider.Assets#CONSUMER} asks for {@link #ALGORITHM} on the
 * compute service of a dataset that does not trust it yet.
 */
class ApprovalRulesTest {

  static final Asset ALGORITHM = algorithm().build();
  static final Asset DATASET = dataset().build();

  static AbstractThrowableAssert<?, ? extends Throwable> request(
      Asset dataset, String serviceId, Asset algorithm) {
    return assertThatThrownBy(
        () -> ApprovalRules.checkRequestable(dataset, serviceId, algorithm, CONSUMER));
  }

  static void refusedFor(Asset dataset, String serviceId, Asset algorithm, Reason reason) {
    request(dataset, serviceId, algorithm)
        .isInstanceOfSatisfying(
            ProviderException.Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static void conflict(Asset dataset, Asset algorithm) {
    request(dataset, COMPUTE, algorithm)
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.type()).isEqualTo(ProviderException.CONFLICT));
  }

  @Nested
  class Requestable {

    @Test
    void an_algorithm_the_dataset_does_not_trust_yet_may_be_requested() {
      assertThatCode(() -> ApprovalRules.checkRequestable(DATASET, COMPUTE, ALGORITHM, CONSUMER))
          .doesNotThrowAnyException();
    }

    @Test
    void a_service_the_dataset_does_not_have_is_not_found() {
      request(DATASET, "nope", ALGORITHM)
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("no service nope");
    }

    @Test
    void only_a_compute_service_takes_approvals() {
      refusedFor(
          dataset().withServices(accessService(ACCESS)).build(),
          ACCESS,
          ALGORITHM,
          Reason.NOT_A_COMPUTE_SERVICE);
    }

    @Test
    void the_dataset_must_be_usable_by_the_consumer() {
      refusedFor(dataset().disabled().build(), COMPUTE, ALGORITHM, Reason.ASSET_DISABLED);
      refusedFor(
          dataset().withDenyList(CONSUMER).build(), COMPUTE, ALGORITHM, Reason.CONSUMER_DENIED);
      refusedFor(
          dataset().withAllowList(SOMEONE_ELSE).build(),
          COMPUTE,
          ALGORITHM,
          Reason.CONSUMER_NOT_ALLOWED);
    }

    @Test
    void only_an_algorithm_can_be_approved() {
      refusedFor(DATASET, COMPUTE, dataset().build(), Reason.NOT_ALGO);
      refusedFor(
          DATASET,
          COMPUTE,
          algorithm().withAlgorithmMetadata(Optional.empty()).build(),
          Reason.NOT_ALGO);
    }

    @Test
    void a_disabled_algorithm_cannot_be_requested() {
      refusedFor(DATASET, COMPUTE, algorithm().disabled().build(), Reason.ALGORITHM_DISABLED);
    }

    @Test
    void an_algorithm_that_may_already_run_needs_no_approval() {
      conflict(
          dataset()
              .withCompute(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)))
              .build(),
          ALGORITHM);
      conflict(
          dataset().withCompute(computeOptions().withTrustedPublishers("*")).build(), ALGORITHM);
    }

    @Test
    void an_algorithm_changed_since_it_was_trusted_may_be_requested_again() {
      Asset trusting =
          dataset()
              .withCompute(computeOptions().withTrustedAlgorithms(pinnedTo(ALGORITHM)))
              .build();

      assertThatCode(
              () ->
                  ApprovalRules.checkRequestable(
                      trusting, COMPUTE, algorithm().withCode("changed").build(), CONSUMER))
          .doesNotThrowAnyException();
    }
  }

  @Nested
  class Order {

    @Test
    void the_service_is_checked_before_anything_else() {
      request(dataset().disabled().build(), "nope", dataset().build())
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_service_type_before_the_consumer() {
      refusedFor(
          dataset().withServices(accessService(ACCESS)).withDenyList(CONSUMER).build(),
          ACCESS,
          ALGORITHM,
          Reason.NOT_A_COMPUTE_SERVICE);
    }

    @Test
    void the_consumer_before_the_algorithm() {
      refusedFor(
          dataset().withDenyList(CONSUMER).build(),
          COMPUTE,
          dataset().build(),
          Reason.CONSUMER_DENIED);
    }

    @Test
    void whether_it_is_an_algorithm_before_whether_it_is_disabled() {
      refusedFor(DATASET, COMPUTE, dataset().disabled().build(), Reason.NOT_ALGO);
    }
  }

  @Nested
  class Texts {

    @Test
    void a_text_is_trimmed_and_may_be_left_out_unless_required() {
      assertThat(ApprovalRules.text("  to compare models \n", "justification", false))
          .isEqualTo("to compare models");
      assertThat(ApprovalRules.text(null, "justification", false)).isEmpty();
      assertThatThrownBy(() -> ApprovalRules.text("  ", "reason", true))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("reason is required");
    }

    @Test
    void a_text_has_at_most_four_thousand_characters() {
      assertThat(ApprovalRules.text("x".repeat(4_000), "reason", true)).hasSize(4_000);
      assertThatThrownBy(() -> ApprovalRules.text("x".repeat(4_001), "reason", true))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("reason may have at most 4000 characters");
    }
  }

  @Nested
  class States {

    @Test
    void a_decision_fits_only_the_state_it_expects() {
      assertThatCode(() -> ApprovalRules.requireState("PENDING", ApprovalState.PENDING))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> ApprovalRules.requireState("REJECTED", ApprovalState.PENDING))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.type()).isEqualTo(ProviderException.CONFLICT))
          .hasMessage("the approval is rejected, not pending");
    }
  }
}
