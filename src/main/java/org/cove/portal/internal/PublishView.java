package org.cove.portal.internal;

import static org.cove.shared.Jsons.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.DdoFormat;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.Uploads;

/**
 * Publishing a dataset or an algorithm: description, one uploaded file, how it may be used, and for
 * algorithms the container and the parameters consumers set. The form writes a DDO and the provider
 * validates it, so the portal and the API refuse exactly the same things.
 */
@Route(value = "publish", layout = MainLayout.class)
@PageTitle("Publish · Cove")
@Dependent
public class PublishView extends VerticalLayout {

  private final Catalogue catalogue;
  private final DdoFormat ddos;
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
  private FileUploadField file;

  @Inject
  public PublishView(Catalogue catalogue, DdoFormat ddos, Uploads uploads) {
    this.catalogue = catalogue;
    this.ddos = ddos;
    PortalSession.principal().ifPresent(me -> build(me, uploads));
  }

  private void build(Principal me, Uploads uploads) {
    file = new FileUploadField("publish-file", uploads, me);
    configureFields();
    configureAlgorithmSection();
    Button publish = new Button("Publish", click -> publish(me));
    publish.setId("publish-submit");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    errors.setId("publish-errors");
    errors.addClassName("cove-errors");
    add(
        new H2("Publish"),
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

  private void publish(Principal me) {
    errors.removeAll();
    if (file.uploaded().isEmpty()) {
      errors.add(new ListItem("Upload a file first."));
      return;
    }
    try {
      Asset asset = catalogue.publish(me, ddos.parse(ddo(file.uploaded().get().id())));
      Notices.success("Published " + asset.metadata().name());
      getUI().ifPresent(ui -> ui.navigate("assets/" + asset.did().value()));
    } catch (InvalidDdoException e) {
      e.errors()
          .forEach(
              error -> errors.add(new ListItem(label(error.field()) + ": " + error.message())));
    }
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

  /** One consumer parameter being edited. */
  private static final class ParameterRow extends HorizontalLayout {
    private final TextField name = new TextField("Name");
    private final Select<String> type = new Select<>();
    private final TextField label = new TextField("Label");
    private final Checkbox required = new Checkbox("Required");
    private final TextField defaultValue = new TextField("Default");
    private final TextField options = new TextField("Options (value:label, …)");

    ParameterRow() {
      type.setLabel("Type");
      type.setItems("text", "number", "boolean", "select");
      type.setValue("text");
      setDefaultVerticalComponentAlignment(Alignment.BASELINE);
      add(name, type, label, required, defaultValue, options);
    }

    JsonObject json() {
      JsonObjectBuilder json =
          JSON.createObjectBuilder()
              .add("name", name.getValue())
              .add("type", type.getValue())
              .add("label", label.getValue())
              .add("required", required.getValue());
      if (!defaultValue.getValue().isBlank()) {
        json.add("default", defaultValue.getValue());
      }
      if ("select".equals(type.getValue())) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (String option : options.getValue().split(",")) {
          String[] parts = option.trim().split(":", 2);
          if (!parts[0].isBlank()) {
            list.add(
                JSON.createObjectBuilder()
                    .add(parts[0].trim(), parts.length > 1 ? parts[1].trim() : parts[0].trim()));
          }
        }
        json.add("options", list);
      }
      return json.build();
    }
  }
}
