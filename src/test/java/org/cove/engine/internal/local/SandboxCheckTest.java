package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.engine.internal.core.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxCheckTest {

  @TempDir Path dir;

  LogCapture log;

  @BeforeEach
  void listen() {
    log = LogCapture.of(SandboxCheck.class.getName());
  }

  /** The log says which directory by its role: it never names a location. */
  @AfterEach
  void noLocationLogged() {
    log.close();
    assertThat(log.lines()).noneMatch(line -> line.contains(dir.toString()));
  }

  /** The machine's tools, minus some. */
  static Tools without(String... missing) {
    Tools host = Tools.host();
    return new Tools() {
      @Override
      public Optional<Path> find(String program) {
        return Set.of(missing).contains(program) ? Optional.empty() : host.find(program);
      }

      @Override
      public boolean root() {
        return false;
      }
    };
  }

  @Test
  void without_bubblewrap_the_engine_accepts_no_jobs_and_says_what_to_do() {
    SandboxCheck.Setup setup =
        SandboxCheck.inspect(EngineSettings.defaults(), dir, without("bwrap"));

    assertThat(setup.health().acceptsJobs()).isFalse();
    assertThat(setup.health().refusal())
        .hasValueSatisfying(
            why -> assertThat(why).contains("bubblewrap", "COVE_LOCAL_SANDBOX=none"));
    assertThat(setup.sandbox()).isEmpty();
  }

  @Test
  void unsandboxed_on_request_it_accepts_jobs_with_a_warning_for_everyone() {
    SandboxCheck.Setup setup =
        SandboxCheck.inspect(
            EngineSettings.defaults().withSandbox(SandboxMode.NONE), dir, without("bwrap"));

    assertThat(setup.health().acceptsJobs()).isTrue();
    assertThat(setup.health().warning())
        .hasValueSatisfying(w -> assertThat(w).contains("WITHOUT a sandbox"));
    assertThat(setup.sandbox()).hasValueSatisfying(s -> assertThat(s.isolated()).isFalse());
  }

  @Test
  void without_prlimit_nothing_runs_even_unsandboxed() {
    SandboxCheck.Setup setup =
        SandboxCheck.inspect(
            EngineSettings.defaults().withSandbox(SandboxMode.NONE), dir, without("prlimit"));

    assertThat(setup.health().acceptsJobs()).isFalse();
    assertThat(setup.health().refusal())
        .hasValueSatisfying(why -> assertThat(why).contains("prlimit"));
  }

  @Test
  void with_bubblewrap_installed_and_working_the_engine_is_ready() {
    SandboxCheck.Setup setup = SandboxCheck.inspect(EngineSettings.defaults(), dir, without());

    assertThat(setup.health().acceptsJobs()).isTrue();
    assertThat(setup.health().warning()).isEmpty();
    assertThat(setup.sandbox()).hasValueSatisfying(s -> assertThat(s.isolated()).isTrue());
  }

  @Test
  void as_root_it_lets_the_sandbox_user_through_the_data_directory_without_listing_it()
      throws Exception {
    Path dataDir = java.nio.file.Files.createDirectory(dir.resolve("data"));
    Path engine = java.nio.file.Files.createDirectory(dataDir.resolve("engine"));
    for (Path path : List.of(dir, dataDir, engine)) {
      java.nio.file.Files.setPosixFilePermissions(
          path, PosixFilePermissions.fromString("rwxr-x---"));
    }
    java.nio.file.Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    Tools host = Tools.host();
    Tools asRoot =
        new Tools() {
          @Override
          public Optional<Path> find(String program) {
            return host.find(program);
          }

          @Override
          public boolean root() {
            return true;
          }
        };

    SandboxCheck.Setup setup = SandboxCheck.inspect(EngineSettings.defaults(), engine, asRoot);

    assertThat(setup.health().acceptsJobs()).isTrue();
    assertThat(setup.sandboxUid()).hasValue(65534);
    assertThat(log.lines())
        .contains(
            "the data directory is now searchable (not listable) by the sandbox user",
            "the engine's directory is now searchable (not listable) by the sandbox user");
    for (Path path : List.of(dataDir, engine)) {
      assertThat(java.nio.file.Files.getPosixFilePermissions(path))
          .contains(PosixFilePermission.OTHERS_EXECUTE)
          .doesNotContain(PosixFilePermission.OTHERS_READ);
    }
  }

  @Test
  void as_root_a_directory_above_the_data_directory_that_others_cannot_search_refuses_jobs()
      throws Exception {
    Path dataDir = java.nio.file.Files.createDirectory(dir.resolve("data"));
    Path engine = java.nio.file.Files.createDirectory(dataDir.resolve("engine"));
    java.nio.file.Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Tools host = Tools.host();
    Tools asRoot =
        new Tools() {
          @Override
          public Optional<Path> find(String program) {
            return host.find(program);
          }

          @Override
          public boolean root() {
            return true;
          }
        };

    SandboxCheck.Setup setup = SandboxCheck.inspect(EngineSettings.defaults(), engine, asRoot);

    assertThat(setup.health().acceptsJobs()).isFalse();
    assertThat(setup.health().refusal())
        .hasValueSatisfying(
            why -> assertThat(why).contains("chmod o+x").doesNotContain(dir.toString()));
    assertThat(log.lines())
        .anyMatch(line -> line.startsWith("the directory holding the data directory is not"));
  }

  @Test
  void the_setting_accepts_only_bubblewrap_or_none() {
    assertThat(SandboxMode.parse(" None ")).isEqualTo(SandboxMode.NONE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMode.parse("docker"))
        .hasMessageContaining("bubblewrap or none");
  }
}
