package org.cove.portal.internal;

import static org.cove.shared.Jsons.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cove.provider.InvalidDdoException;

/**
 * Publishing a dataset or an algorithm: description, one uploaded file, how it may be used, and for
 * algorithms the container and the parameters consumers set. "Publish" fires the DDO the form
 * describes as a {@link PublishEvent}; the provider validates it, and its errors come back here
 * under the form's own labels.
 */
class PublishForm extends VerticalLayout {

  private final RadioButtonGroup<String> type = new RadioButtonGroup<>("What");
  private final TextField name = new TextField("Name");
  private final TextArea description = new TextArea("Description");
  private final TextField author = new TextField("Author");
  private final TextField license = new TextField("License");
  private final TextField tags = new TextField("Tags (comma-separated)");
  private final RadioButtonGroup<String> use = new RadioButtonGroup<>("Use");
  private final TextField entrypoint = new TextField("Entrypoint");
  private final TextField image = new TextField("Image");
  private final TextField tag = new TextField("Image tag");
  private final TextField checksum = new TextField("Image digest");
  private final VerticalLayout parameters = new VerticalLayout();
  private final List<ParameterRow> parameterRows = new ArrayList<>();
  private final UnorderedList errors = new UnorderedList();
  private final VerticalLayout algorithmSection = new VerticalLayout();
  private final FileUploadField file;

  /**
   * @param file where the publisher uploads the asset's one file
   */
  PublishForm(FileUploadField file) {
    this.file = file;
    setPadding(false);
    configureFields();
    configureAlgorithmSection();
    Button publish = new Button("Publish", click -> publish());
    publish.setId("publish-submit");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    errors.setId("publish-errors");
    errors.addClassName("cove-errors");
    add(
        type,
        name,
        description,
        author,
        license,
        tags,
        new H3("File"),
        file,
        use,
        algorithmSection,
        errors,
        publish);
  }

  /** The DDO to publish, in Ocean's field names, for the file already uploaded. */
  static final class PublishEvent extends ComponentEvent<PublishForm> {
    private final JsonObject ddo;

    PublishEvent(PublishForm source, JsonObject ddo) {
      super(source, false);
      this.ddo = ddo;
    }

    JsonObject ddo() {
      return ddo;
    }
  }

  Registration addPublishListener(ComponentEventListener<PublishEvent> listener) {
    return addListener(PublishEvent.class, listener);
  }

  /** The provider's reasons for refusing the DDO, each under the form's label for its field. */
  void refuse(List<InvalidDdoException.FieldError> refusals) {
    refusals.forEach(
        error -> errors.add(new ListItem(label(error.field()) + ": " + error.message())));
  }

  private void configureFields() {
    type.setItems("dataset", "algorithm");
    type.setValue("dataset");
    type.setId("publish-type");
    type.addValueChangeListener(change -> showKind());
    name.setId("publish-name");
    description.setId("publish-description");
    author.setId("publish-author");
    license.setId("publish-license");
    license.setValue("CC-BY-4.0");
    tags.setId("publish-tags");
    use.setId("publish-use");
    for (Component field : new Component[] {name, description, author, license, tags}) {
      field.getElement().getStyle().set("width", "32em");
    }
    showKind();
  }

  private void configureAlgorithmSection() {
    entrypoint.setValue("python3 $ALGO");
    entrypoint.setHelperText("$ALGO stands for the algorithm's code");
    image.setValue("python");
    tag.setValue("3.12-slim");
    checksum.setPlaceholder("sha256:…");
    checksum.setHelperText("The image's digest: the algorithm runs in exactly this image");
    checksum.setWidth("40em");
    checksum.setId("publish-checksum");
    Button addParameter = new Button("Add a parameter", click -> addParameter());
    parameters.setPadding(false);
    algorithmSection.setPadding(false);
    algorithmSection.add(
        new H3("Container"),
        new HorizontalLayout(entrypoint, image, tag),
        checksum,
        new H3("Parameters consumers set"),
        parameters,
        addParameter);
  }

  private void showKind() {
    boolean algorithm = "algorithm".equals(type.getValue());
    use.setItems(
        algorithm
            ? List.of("public: anyone may download the code", "private: compute only")
            : List.of("compute only: the data never leaves", "downloadable"));
    use.setValue(use.getListDataView().getItem(0));
    algorithmSection.setVisible(algorithm);
  }

  private void addParameter() {
    ParameterRow row = new ParameterRow();
    parameterRows.add(row);
    parameters.add(row);
  }

  private void publish() {
    errors.removeAll();
    if (file.uploaded().isEmpty()) {
      errors.add(new ListItem("Upload a file first."));
      return;
    }
    fireEvent(new PublishEvent(this, ddo(file.uploaded().get().id())));
  }

  /** The DDO the form describes, in Ocean's field names. */
  private JsonObject ddo(String uploadId) {
    boolean algorithm = "algorithm".equals(type.getValue());
    JsonArrayBuilder tagList = JSON.createArrayBuilder();
    Arrays.stream(tags.getValue().split(","))
        .map(String::trim)
        .filter(t -> !t.isEmpty())
        .forEach(tagList::add);
    JsonObjectBuilder metadata =
        JSON.createObjectBuilder()
            .add("type", type.getValue())
            .add("name", name.getValue())
            .add("description", description.getValue())
            .add("author", author.getValue())
            .add("license", license.getValue())
            .add("tags", tagList);
    if (algorithm) {
      JsonArrayBuilder params = JSON.createArrayBuilder();
      parameterRows.forEach(row -> params.add(row.json()));
      metadata.add(
          "algorithm",
          JSON.createObjectBuilder()
              .add(
                  "container",
                  JSON.createObjectBuilder()
                      .add("entrypoint", entrypoint.getValue())
                      .add("image", image.getValue())
                      .add("tag", tag.getValue())
                      .add("checksum", checksum.getValue()))
              .add("consumerParameters", params));
    }
    boolean firstChoice = use.getListDataView().getItem(0).equals(use.getValue());
    // Algorithms: public (download and compute) or private (compute). Datasets: compute only,
    // or downloadable.
    boolean downloadable = algorithm ? firstChoice : !firstChoice;
    boolean computable = algorithm || firstChoice;
    JsonArrayBuilder services = JSON.createArrayBuilder();
    if (downloadable) {
      services.add(service("access", "access", uploadId));
    }
    if (computable) {
      services.add(service("compute", "compute", uploadId));
    }
    return JSON.createObjectBuilder().add("metadata", metadata).add("services", services).build();
  }

  private static JsonObject service(String id, String type, String uploadId) {
    return JSON.createObjectBuilder()
        .add("id", id)
        .add("type", type)
        .add(
            "files",
            JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("type", "upload").add("id", uploadId)))
        .build();
  }

  /** Field paths in the provider's errors, as the form calls them. */
  private static String label(String field) {
    return switch (field) {
      case "metadata.name" -> "Name";
      case "metadata.author" -> "Author";
      case "metadata.license" -> "License";
      case "metadata.algorithm.container.checksum" -> "Image digest";
      case "metadata.algorithm.container.entrypoint" -> "Entrypoint";
      case "metadata.algorithm.container.image" -> "Image";
      default -> field;
    };
  }
}
