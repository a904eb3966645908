package org.cove.engine.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathRedactorTest {

  @TempDir Path dir;

  @Test
  void the_data_directory_and_the_job_directory_are_redacted_whole() {
    PathRedactor redactor =
        new PathRedactor(List.of(Path.of("/srv/cove"))).with(Path.of("/srv/cove/engine/jobs/j1"));

    assertThat(
            redactor.redact(
                "79 67 254:0 /srv/cove/engine/jobs/j1/data/inputs /data/inputs ro\nkey at /srv/cove/keys/provider.key\n"))
        .isEqualTo(
            "79 67 254:0 [redacted]/data/inputs /data/inputs ro\nkey at [redacted]/keys/provider.key\n");
  }

  @Test
  void a_path_reached_through_a_symbolic_link_is_redacted_in_both_spellings() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);

    PathRedactor redactor = new PathRedactor(List.of(link));

    assertThat(redactor.redact("a " + link + "/x b " + real + "/y"))
        .isEqualTo("a [redacted]/x b [redacted]/y");
  }

  @Test
  void bytes_that_are_not_text_survive_and_the_root_is_never_redacted() {
    byte[] binary = {(byte) 0xff, 0, '/', 's', 'r', 'v', '/', 'c', 'o', 'v', 'e', (byte) 0xfe};
    PathRedactor redactor = new PathRedactor(List.of(Path.of("/srv/cove"), Path.of("/")));

    byte[] redacted = redactor.redact(binary);

    assertThat(redacted).startsWith((byte) 0xff, (byte) 0).endsWith((byte) 0xfe);
    assertThat(new String(redacted, StandardCharsets.ISO_8859_1)).contains("[redacted]");
    assertThat(redactor.redact("/usr/bin/python3")).isEqualTo("/usr/bin/python3");
  }

  @Test
  void a_copied_log_is_capped_with_a_note() throws Exception {
    Path log = Files.writeString(dir.resolve("log"), "line one\nline two\n");
    Path copy = dir.resolve("copy");

    long size = new PathRedactor(List.of(Path.of("/srv/cove"))).copy(log, copy, 9);

    assertThat(Files.readString(copy)).isEqualTo("line one\n\n[log truncated at 9 bytes]\n");
    assertThat(size).isEqualTo(Files.size(copy));
  }
}
