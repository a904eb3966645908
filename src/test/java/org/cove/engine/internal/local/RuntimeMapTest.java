package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cove.operator.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeMapTest {

  static final RuntimeMap DEFAULTS = RuntimeMap.parse(EngineSettings.DEFAULT_RUNTIMES);

  @ParameterizedTest(name = "{0}:{1} runs with {2}")
  @CsvSource({
    "python, 3.11, /usr/bin/python3",
    "python, 3.11-slim, /usr/bin/python3",
    "docker.io/library/python, 3.12, /usr/bin/python3",
    "library/python, latest, /usr/bin/python3",
    "python:3.10, '', /usr/bin/python3",
    "python@sha256:abc, '', /usr/bin/python3",
    "localhost:5000/node, 20, /usr/bin/node",
    "node, 20-alpine, /usr/bin/node",
    "alpine, 3.19, /bin/sh",
    "ubuntu, 22.04, /bin/sh",
    "bash, 5, /bin/bash"
  })
  void images_map_to_their_runtime(String image, String tag, String binary) {
    assertThat(DEFAULTS.find(image, tag))
        .hasValueSatisfying(r -> assertThat(r.binary()).isEqualTo(Path.of(binary)));
  }

  @ParameterizedTest(name = "{0}:{1} has no runtime")
  @CsvSource({
    "rust, 1.75",
    "ghcr.io/acme/python, 3.11",
    "pythonista, 1",
    "oceanprotocol/algo_dockers, python-branin"
  })
  void other_images_have_no_runtime(String image, String tag) {
    assertThat(DEFAULTS.find(image, tag)).isEmpty();
  }

  @Test
  void tags_are_globs_and_the_first_match_wins() {
    RuntimeMap map =
        RuntimeMap.parse("python:3.9*=/opt/py39/bin/python3, python:*=/usr/bin/python3");

    assertThat(map.find("python", "3.9.18").orElseThrow().binary())
        .isEqualTo(Path.of("/opt/py39/bin/python3"));
    assertThat(map.find("python", "3.11").orElseThrow().binary())
        .isEqualTo(Path.of("/usr/bin/python3"));
  }

  @Test
  void each_runtime_answers_to_the_names_its_images_offer() {
    assertThat(RuntimeMap.namesFor(Path.of("/usr/bin/python3")))
        .containsExactly("python", "python3");
    assertThat(RuntimeMap.namesFor(Path.of("/usr/bin/node"))).containsExactly("node", "nodejs");
    assertThat(RuntimeMap.namesFor(Path.of("/bin/bash"))).containsExactly("bash", "sh");
    assertThat(RuntimeMap.namesFor(Path.of("/bin/sh"))).containsExactly("sh");
    assertThat(DEFAULTS.find("python", "3").orElseThrow().defaultEntrypoint())
        .isEqualTo("python $ALGO");
  }

  @Test
  void a_malformed_setting_is_refused_at_start() {
    assertThatThrownBy(() -> RuntimeMap.parse("python=/usr/bin/python3"))
        .hasMessageContaining("python:*=/usr/bin/python3");
  }

  @Test
  void refusals_name_the_image_and_what_runs_here_but_no_host_path() {
    JobSpec.Container rust = new JobSpec.Container("rust", "1.75", "sha256:0", "");
    JobSpec.Container missing = new JobSpec.Container("python", "3", "sha256:0", "");

    assertThat(DEFAULTS.refusalFor(rust, true))
        .hasValueSatisfying(
            why -> assertThat(why).contains("rust:1.75", "python", "node", "alpine"));
    assertThat(RuntimeMap.parse("python:*=/nowhere/python3").refusalFor(missing, true))
        .hasValue("the runtime for image python:3 is not installed on this server");
    assertThat(DEFAULTS.refusalFor(missing, true)).isEmpty();
    assertThat(List.of(DEFAULTS.refusalFor(rust, true).orElseThrow()))
        .noneMatch(w -> w.contains("/usr"));
  }
}
