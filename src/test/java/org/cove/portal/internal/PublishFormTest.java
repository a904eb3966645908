package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import org.cove.provider.InvalidDdoException.FieldError;
import org.junit.jupiter.api.Test;

class PublishFormTest {

  private final PublishForm form =
      new PublishForm(
          new FileUploadField(
              "publish-file",
              (filename, content) -> {
                throw new AssertionError("nothing is uploaded in this test");
              }));
  private final List<PublishForm.PublishEvent> published = new ArrayList<>();

  PublishFormTest() {
    form.addPublishListener(published::add);
  }

  @Test
  void without_a_file_nothing_is_published() {
    Components.byId(form, "publish-submit", Button.class).click();

    assertThat(published).isEmpty();
    assertThat(errors()).containsExactly("Upload a file first.");
  }

  @Test
  void the_providers_errors_are_shown_under_the_forms_labels() {
    form.refuse(
        List.of(
            new FieldError("metadata.algorithm.container.checksum", "must start with sha256:"),
            new FieldError("metadata.tags", "too many")));

    assertThat(errors())
        .containsExactly("Image digest: must start with sha256:", "metadata.tags: too many");
  }

  private List<String> errors() {
    return Components.byId(form, "publish-errors", UnorderedList.class)
        .getChildren()
        .map(item -> item.getElement().getTextRecursively())
        .toList();
  }
}
