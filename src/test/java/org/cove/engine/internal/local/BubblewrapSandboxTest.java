package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BubblewrapSandboxTest {

  static final Path DATA = Path.of("/srv/cove/engine/jobs/j1/data");
  static final Launch.Limits LIMITS = new Launch.Limits(1L << 30, 1L << 20, 64, 1L << 30);
  static final ResourceLimits AS_ROOT =
      new ResourceLimits(
          Path.of("/usr/bin/prlimit"),
          Optional.of(Path.of("/usr/bin/setpriv")),
          65534,
          Optional.of(Path.of("/usr/bin/nice")));

  static Launch launch(boolean network) {
    return new Launch(DATA, List.of("aa", "bb"), "did:op:cc", "python $ALGO", network, LIMITS);
  }

  static List<String> argv(boolean network, HostLayout host) {
    return new BubblewrapSandbox(Path.of("/usr/bin/bwrap"), AS_ROOT, host).command(launch(network));
  }

  @Test
  void as_root_it_lowers_priority_drops_to_the_sandbox_user_then_limits_then_sandboxes() {
    List<String> argv = argv(false, HostLayout.mergedUsr());

    assertThat(argv.subList(0, 15))
        .containsExactly(
            "/usr/bin/nice",
            "-n",
            "10",
            "/usr/bin/setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            "/usr/bin/prlimit",
            "--as=1073741824",
            "--fsize=1048576",
            "--nproc=64",
            "--core=0",
            "--",
            "/usr/bin/bwrap");
    assertThat(argv.subList(argv.size() - 3, argv.size()))
        .containsExactly("/bin/sh", "-c", "python $ALGO");
  }

  @Test
  void without_network_nothing_is_shared_and_no_resolver_files_are_bound() {
    List<String> argv = argv(false, HostLayout.mergedUsr());

    assertThat(argv).contains("--unshare-all", "--die-with-parent", "--new-session", "--clearenv");
    assertThat(argv).doesNotContain("--share-net", "/etc/resolv.conf", "/etc/hosts");
    assertThat(String.join(" ", argv)).contains("--cap-drop ALL").contains("--hostname sandbox");
  }

  @Test
  void with_network_the_network_and_resolver_files_are_shared() {
    List<String> argv = argv(true, HostLayout.mergedUsr());

    assertThat(String.join(" ", argv))
        .contains("--unshare-all --share-net")
        .contains("--ro-bind-try /etc/resolv.conf /etc/resolv.conf")
        .contains("--ro-bind-try /etc/hosts /etc/hosts")
        .contains("--ro-bind-try /etc/nsswitch.conf /etc/nsswitch.conf");
  }

  @Test
  void the_job_sees_inputs_and_code_read_only_and_only_outputs_and_tmp_writable() {
    String command = String.join(" ", argv(false, HostLayout.mergedUsr()));

    assertThat(command)
        .contains("--ro-bind /usr /usr")
        .contains("--size 1073741824 --tmpfs /tmp")
        .contains("--ro-bind " + DATA + "/inputs /data/inputs")
        .contains("--ro-bind " + DATA + "/transformations /data/transformations")
        .contains("--bind " + DATA + "/outputs /data/outputs")
        .contains("--ro-bind " + DATA + "/runtime /opt/cove/runtime")
        .contains("--remount-ro / --chdir /data/outputs");
    assertThat(Collections.frequency(argv(false, HostLayout.mergedUsr()), "--bind")).isEqualTo(1);
  }

  @Test
  void the_host_layout_is_mirrored_as_links_or_read_only_directories() {
    String merged = String.join(" ", argv(false, HostLayout.mergedUsr()));
    assertThat(merged)
        .contains("--symlink usr/bin /bin", "--symlink usr/lib /lib", "--symlink usr/lib64 /lib64");

    HostLayout split = new HostLayout(Map.of("/lib64", "usr/lib64"), List.of("/bin", "/lib"));
    String command = String.join(" ", argv(false, split));
    assertThat(command)
        .contains("--ro-bind /bin /bin", "--ro-bind /lib /lib", "--symlink usr/lib64 /lib64")
        .doesNotContain("--symlink usr/bin /bin");
  }

  @Test
  void the_algorithm_gets_oceans_variables_and_nothing_of_the_host() {
    Map<String, String> env = BubblewrapSandbox.environmentInside(launch(false));

    assertThat(env)
        .containsOnly(
            Map.entry("ALGO", "/data/transformations/algorithm"),
            Map.entry("INPUTS", "/data/inputs"),
            Map.entry("OUTPUTS", "/data/outputs"),
            Map.entry("DIDS", "[\"aa\",\"bb\"]"),
            Map.entry("TRANSFORMATION_DID", "did:op:cc"),
            Map.entry("HOME", "/tmp"),
            Map.entry("PATH", "/opt/cove/runtime:/usr/bin:/bin"));
    assertThat(String.join(" ", argv(false, HostLayout.mergedUsr())))
        .contains("--setenv ALGO /data/transformations/algorithm")
        .doesNotContain(DATA + "/logs");
  }

  @Test
  void not_root_it_limits_without_changing_user() {
    ResourceLimits caller =
        new ResourceLimits(Path.of("/usr/bin/prlimit"), Optional.empty(), 65534, Optional.empty());

    assertThat(caller.prefix(LIMITS))
        .containsExactly(
            "/usr/bin/prlimit",
            "--as=1073741824",
            "--fsize=1048576",
            "--nproc=64",
            "--core=0",
            "--");
    assertThat(caller.dropsPrivileges()).isFalse();
  }
}
