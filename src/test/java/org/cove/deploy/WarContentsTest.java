package org.cove.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR that is deployed, on the embedded default and in the cluster image alike: its portal runs
 * in Vaadin's production mode from the bundle inside it, with nothing pointing back at the machine
 * that built it. A development-mode WAR only works where its build directory still exists (it
 * failed with an error page on a fresh clone and would in any container). Runs at the package
 * phase, after war:war (see the surefire execution "kubernetes-manifests" in pom.xml).
 */
class WarContentsTest {

  private static final Path WAR = Path.of("target", "cove.war");
  private static final String BUILD_INFO =
      "WEB-INF/classes/META-INF/VAADIN/config/flow-build-info.json";

  private static ZipFile war;

  @BeforeAll
  static void open() throws IOException {
    assertThat(WAR).as("the WAR war:war wrote").exists();
    war = new ZipFile(WAR.toFile());
  }

  @AfterAll
  static void close() throws IOException {
    war.close();
  }

  @Test
  void the_portal_runs_in_production_mode_without_paths_of_the_build_machine() throws IOException {
    ZipEntry entry = war.getEntry(BUILD_INFO);
    assertThat(entry).as(BUILD_INFO + " (written by vaadin:build-frontend)").isNotNull();
    String text;
    try (InputStream in = war.getInputStream(entry)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JsonObject info = Json.createReader(new StringReader(text)).readObject();

    assertThat(info.getBoolean("productionMode")).isTrue();
    assertThat(text).doesNotContain(Path.of("").toAbsolutePath().toString());
  }

  @Test
  void the_production_bundle_is_inside_and_the_development_server_is_not() {
    List<String> names = war.stream().map(ZipEntry::getName).toList();

    assertThat(names)
        .anyMatch(n -> n.startsWith("WEB-INF/classes/META-INF/VAADIN/webapp/VAADIN/build/"));
    assertThat(names)
        .filteredOn(n -> n.startsWith("WEB-INF/lib/"))
        .noneMatch(n -> n.contains("vaadin-dev-server") || n.contains("vaadin-dev-bundle"));
  }
}
