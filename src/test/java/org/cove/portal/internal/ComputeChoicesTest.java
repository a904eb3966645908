package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.cove.operator.JobSpec;
import org.cove.provider.Assets;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.ComputeRequest.RawAlgorithm;
import org.cove.shared.Did;
import org.junit.jupiter.api.Test;

class ComputeChoicesTest {

  private static final Did ALGORITHM = Assets.did("algorithm");
  private static final DatasetRef DATASET = new DatasetRef(Assets.did("dataset"), "compute");
  private static final RawAlgorithm CODE = new RawAlgorithm(Assets.CONTAINER, Assets.CODE);
  private static final List<JobSpec.ResourceAmount> CPU =
      List.of(new JobSpec.ResourceAmount("cpu", 1));

  @Test
  void the_algorithm_is_asked_for_before_the_environment() {
    assertThat(choices(Optional.empty(), Optional.empty(), Optional.empty()).missing())
        .contains("Choose an algorithm first.");
    assertThat(choices(Optional.of(ALGORITHM), Optional.empty(), Optional.empty()).missing())
        .contains("Choose an environment first.");
    assertThat(choices(Optional.empty(), Optional.of(CODE), Optional.of("local")).missing())
        .isEmpty();
  }

  @Test
  void a_published_algorithm_is_asked_for_by_its_did_with_the_forms_settings() {
    JsonObject parameters = JsonValue.EMPTY_JSON_OBJECT;
    ComputeChoices choices =
        new ComputeChoices(
            Optional.of(ALGORITHM),
            Optional.empty(),
            Optional.of("local"),
            CPU,
            Optional.of(600L),
            parameters,
            true);

    ComputeRequest request = choices.request(Assets.CONSUMER, DATASET);

    assertThat(request.consumer()).isEqualTo(Assets.CONSUMER);
    assertThat(request.datasets()).containsExactly(DATASET);
    assertThat(request.algorithm()).isEqualTo(ComputeRequest.AlgorithmRef.published(ALGORITHM));
    assertThat(request.environment()).isEqualTo("local");
    assertThat(request.resources()).isEqualTo(CPU);
    assertThat(request.maxJobDuration()).contains(600L);
    assertThat(request.algoCustomData()).isSameAs(parameters);
    assertThat(request.free()).isTrue();
    assertThat(request.publishOutput()).isFalse();
    assertThat(request.additionalViewers()).isEmpty();
    assertThat(request.environmentTxId()).isEmpty();
  }

  @Test
  void pasted_code_is_asked_for_as_a_raw_algorithm() {
    ComputeRequest request =
        choices(Optional.empty(), Optional.of(CODE), Optional.of("local"))
            .request(Assets.CONSUMER, DATASET);

    assertThat(request.algorithm().did()).isEmpty();
    assertThat(request.algorithm().raw()).contains(CODE);
    assertThat(request.maxJobDuration()).isEmpty();
    assertThat(request.free()).isFalse();
  }

  @Test
  void no_request_is_built_while_a_choice_is_missing() {
    assertThatThrownBy(
            () ->
                choices(Optional.of(ALGORITHM), Optional.empty(), Optional.empty())
                    .request(Assets.CONSUMER, DATASET))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Choose an environment first.");
  }

  private static ComputeChoices choices(
      Optional<Did> algorithm, Optional<RawAlgorithm> code, Optional<String> environment) {
    return new ComputeChoices(
        algorithm, code, environment, CPU, Optional.empty(), JsonValue.EMPTY_JSON_OBJECT, false);
  }
}
