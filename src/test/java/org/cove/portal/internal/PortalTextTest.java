package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;
import org.junit.jupiter.api.Test;

class PortalTextTest {

  private static final String DID = "did:op:" + "a".repeat(64);

  @Test
  void a_private_dataset_says_nothing_may_run() {
    assertThat(
            PermissionSummary.describe(ComputeOptions.privateByDefault(), did -> Optional.empty()))
        .containsExactly(PermissionSummary.NOTHING);
  }

  @Test
  void pinned_and_unpinned_algorithms_publishers_raw_and_network_are_said_plainly() {
    ComputeOptions options =
        new ComputeOptions(
            true,
            true,
            List.of(
                new TrustedAlgorithm(DID, Optional.of("f".repeat(64)), Optional.empty()),
                new TrustedAlgorithm("*", Optional.empty(), Optional.empty())),
            List.of("*"));

    assertThat(
            PermissionSummary.describe(
                options, did -> Optional.ofNullable(Map.of(DID, "Stats").get(did))))
        .containsExactly(
            "“Stats” may run, in the version that was reviewed.",
            "Any algorithm may run.",
            "Any algorithm published on this provider may run.",
            "Raw algorithms (code sent with a job, not published) may run.",
            "Algorithms may reach the network, where the environment allows it.");
  }

  @Test
  void code_keeps_its_text_and_marks_keywords_strings_and_comments() {
    String code = "\"\"\"doc import\"\"\"\nimport os  # comment if\nx = 'if'\n";

    Pre pre = CodeBlock.code(code);

    assertThat(text(pre)).isEqualTo(code);
    assertThat(spans(pre, "cove-code-keyword")).containsExactly("import");
    assertThat(spans(pre, "cove-code-string")).containsExactly("\"\"\"doc import\"\"\"", "'if'");
    assertThat(spans(pre, "cove-code-comment")).containsExactly("# comment if");
  }

  @Test
  void markup_in_code_stays_text() {
    Pre pre = CodeBlock.code("<script>alert(1)</script>");

    assertThat(text(pre)).isEqualTo("<script>alert(1)</script>");
    assertThat(pre.getChildren()).allMatch(c -> c instanceof Span);
  }

  private static String text(Pre pre) {
    return pre.getChildren().map(c -> ((Span) c).getText()).reduce("", String::concat);
  }

  private static List<String> spans(Pre pre, String css) {
    return pre.getChildren()
        .filter(c -> c.getClassNames().contains(css))
        .map(Component::getElement)
        .map(e -> e.getText())
        .toList();
  }
}
