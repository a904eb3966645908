package org.cove.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.cove.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ComputeEnvironmentTest {

  private static final String PRICED =
      """
      {"id": "gpu-1", "description": "a priced one", "maxJobs": 3, "minJobDuration": 60,
       "maxJobDuration": 7200, "storageExpiry": 86400, "enableNetwork": true,
       "resources": [{"id": "cpu", "total": 8, "min": 1, "max": 4},
                     {"id": "ram", "total": 32, "min": 0.5, "max": 16},
                     {"id": "disk", "total": 100, "min": 1, "max": 50}],
       "fees": {"8996": [{"feeToken": "0x1111111111111111111111111111111111111111",
                          "prices": [{"id": "cpu", "price": 0.25}, {"id": "ram", "price": 0.01}]}]},
       "free": {"maxJobDuration": 300, "minJobDuration": 1, "maxJobs": 1,
                "resources": [{"id": "cpu", "total": 1, "min": 1, "max": 1},
                              {"id": "ram", "total": 1, "min": 0.5, "max": 1},
                              {"id": "disk", "total": 1, "min": 1, "max": 1}]},
       "platform": {"architecture": "x86_64", "os": "linux"}}
      """;

  @Test
  void json_round_trips_with_exact_prices() {
    ComputeEnvironment env = read(PRICED);

    ComputeEnvironment again = EnvironmentJson.read(EnvironmentJson.write(env).build());

    assertThat(again).isEqualTo(env);
    assertThat(env.fees().orElseThrow().prices().get("cpu")).isEqualByComparingTo("0.25");
    assertThat(env.fees().orElseThrow().token())
        .contains("0x1111111111111111111111111111111111111111");
    assertThat(env.costsNothing()).isFalse();
    assertThat(env.maxDuration(true)).isEqualTo(300);
    assertThat(env.maxJobs(true)).isEqualTo(1);
  }

  @Test
  void unrequested_resources_get_their_minimum_and_small_requests_are_raised_to_it() {
    ComputeEnvironment env = read(PRICED);

    List<JobSpec.ResourceAmount> resolved =
        env.resolve(
            List.of(new JobSpec.ResourceAmount("cpu", 3), new JobSpec.ResourceAmount("ram", 0.1)),
            false);

    assertThat(resolved)
        .containsExactly(
            new JobSpec.ResourceAmount("cpu", 3),
            new JobSpec.ResourceAmount("ram", 0.5),
            new JobSpec.ResourceAmount("disk", 1));
  }

  @Test
  void requests_above_the_maximum_or_for_unknown_resources_are_refused_with_a_reason() {
    ComputeEnvironment env = read(PRICED);

    assertThatThrownBy(() -> env.resolve(List.of(new JobSpec.ResourceAmount("cpu", 5)), false))
        .isInstanceOfSatisfying(
            ComputeRefusal.class, r -> assertThat(r.reason()).isEqualTo("not_enough_resources"));
    assertThatThrownBy(() -> env.resolve(List.of(new JobSpec.ResourceAmount("cpu", 2)), true))
        .isInstanceOfSatisfying(
            ComputeRefusal.class, r -> assertThat(r.reason()).isEqualTo("not_enough_resources"));
    assertThatThrownBy(() -> env.resolve(List.of(new JobSpec.ResourceAmount("tpu", 1)), false))
        .isInstanceOfSatisfying(
            ComputeRefusal.class, r -> assertThat(r.reason()).isEqualTo("unknown_resource"));
    assertThatThrownBy(
            () -> env.resolve(List.of(new JobSpec.ResourceAmount("cpu", Double.NaN)), false))
        .isInstanceOfSatisfying(
            ComputeRefusal.class, r -> assertThat(r.reason()).isEqualTo("invalid_resources"));
  }

  @Test
  void invalid_definitions_name_the_field() {
    assertInvalid("{\"id\": \"../x\", \"resources\": []}", "id");
    assertInvalid("{\"id\": \"a\", \"resources\": []}", "resources");
    assertInvalid(
        "{\"id\": \"a\", \"resources\": [{\"id\": \"cpu\", \"min\": 2, \"max\": 1}]}",
        "resources[0]");
    assertInvalid(
        "{\"id\": \"a\", \"maxJobDuration\": 0, \"resources\": [{\"id\": \"cpu\", \"max\": 1}]}",
        "maxJobDuration");
    assertInvalid(
        "{\"id\": \"a\", \"resources\": [{\"id\": \"cpu\", \"max\": 1}],"
            + " \"fees\": {\"1\": [{\"prices\": [{\"id\": \"cpu\", \"price\": -1}]}]}}",
        "fees.prices");
  }

  @Test
  void a_minimal_definition_gets_safe_defaults() {
    ComputeEnvironment env =
        read("{\"id\": \"small\", \"resources\": [{\"id\": \"cpu\", \"max\": 1}]}");

    assertThat(env.enableNetwork()).isFalse();
    assertThat(env.maxJobs()).isEqualTo(1);
    assertThat(env.costsNothing()).isTrue();
    assertThat(env.fees()).isEmpty();
    assertThat(env.resource("cpu").orElseThrow().total()).isEqualTo(1);
  }

  private static void assertInvalid(String json, String field) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(field);
  }

  private static ComputeEnvironment read(String json) {
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    return EnvironmentJson.read(object);
  }
}
