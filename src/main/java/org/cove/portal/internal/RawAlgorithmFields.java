package org.cove.portal.internal;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.cove.provider.ComputeRequest.RawAlgorithm;
import org.cove.provider.Container;

/** Code pasted by the consumer, with the container it should run in. */
class RawAlgorithmFields extends FormLayout {

  private final TextField image = new TextField("Image", "python", "");
  private final TextField tag = new TextField("Tag", "3.12-slim", "");
  private final TextField digest = new TextField("Image digest");
  private final TextField entrypoint = new TextField("Entrypoint", "python3 $ALGO", "");
  private final TextArea code = new TextArea("Code");

  RawAlgorithmFields() {
    setId("compute-raw");
    image.setId("compute-raw-image");
    tag.setId("compute-raw-tag");
    digest.setId("compute-raw-digest");
    digest.setPlaceholder("sha256:…");
    entrypoint.setId("compute-raw-entrypoint");
    entrypoint.setHelperText("$ALGO stands for the code");
    code.setId("compute-raw-code");
    code.setWidthFull();
    code.setMinHeight("10em");
    code.addClassName("cove-code-input");
    add(image, tag, digest, entrypoint);
    add(code, 2);
  }

  RawAlgorithm value() {
    return new RawAlgorithm(
        new Container(
            entrypoint.getValue().trim(),
            image.getValue().trim(),
            tag.getValue().trim(),
            digest.getValue().trim()),
        code.getValue());
  }
}
