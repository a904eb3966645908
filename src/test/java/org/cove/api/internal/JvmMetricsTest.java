package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

  @Test
  void every_line_is_prometheus_text_and_every_sample_has_its_family() {
    List<String> lines = JvmMetrics.scrape().lines().toList();

    assertThat(lines)
        .allMatch(
            line ->
                line.matches("# (HELP|TYPE) [a-z0-9_]+ .+")
                    || line.matches("[a-z0-9_]+(\\{[a-z]+=\"([^\"\\\\]|\\\\.)*\"\\})? -?[0-9.E-]+"),
            "a comment or a sample");
    for (String sample : lines.stream().filter(l -> !l.startsWith("#")).toList()) {
      String name = sample.replaceAll("[{ ].*", "");
      assertThat(lines)
          .as(name)
          .anyMatch(line -> line.matches("# TYPE " + name + " (gauge|counter)"));
    }
    assertThat(lines)
        .contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE jvm_gc_collections_total counter")
        .anyMatch(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\"} "))
        .anyMatch(line -> line.startsWith("process_uptime_seconds "));
  }

  @Test
  void label_values_are_escaped() {
    assertThat(JvmMetrics.escaped("a \"b\" \\ c\nd")).isEqualTo("a \\\"b\\\" \\\\ c\\nd");
  }
}
