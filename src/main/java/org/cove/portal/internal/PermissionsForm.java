package org.cove.portal.internal;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cove.provider.Asset;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;

/**
 * Who may run what on a compute service, as its publisher edits it: chosen algorithms (pinned to
 * the version they see, or any version), trusted publishers, raw algorithms, network access; a
 * plain-language summary follows every change. "Save" fires the options as a {@link SaveEvent}.
 */
class PermissionsForm extends VerticalLayout {

  private final List<TrustedAlgorithm> algorithms = new ArrayList<>();
  private final UnorderedList algorithmList = new UnorderedList();
  private final Checkbox anyPublisher = new Checkbox("Any algorithm published on this provider");
  private final TextField publishers =
      new TextField("Trusted publishers (addresses, comma-separated)");
  private final Checkbox raw =
      new Checkbox("Raw algorithms (code sent with a job, never reviewed)");
  private final Checkbox network = new Checkbox("Network access for algorithms");
  private final UnorderedList summary = new UnorderedList();
  private final Function<String, Optional<String>> names;

  /**
   * @param algorithms where the picker finds algorithms to add
   * @param names an algorithm's name by DID, where the catalogue has it
   */
  PermissionsForm(
      ComputeOptions options,
      FetchCallback<Asset, String> algorithms,
      Function<String, Optional<String>> names) {
    this.names = names;
    setPadding(false);
    load(options);
    configureFields();
    Button save =
        new Button("Save", click -> options().ifPresent(o -> fireEvent(new SaveEvent(this, o))));
    save.setId("save-permissions");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H3("Chosen algorithms"),
        algorithmList,
        algorithmPicker(algorithms),
        new H3("Trusted publishers"),
        anyPublisher,
        publishers,
        new H3("Riskier choices"),
        raw,
        warning(
            "Raw code is not reviewed by anyone: allow it only for consumers you trust (see the allow list)."),
        network,
        warning(
            "With network access an algorithm could send your data elsewhere. Off unless you are sure."),
        new H3("In plain words"),
        summary,
        save);
    refresh();
  }

  /** The options the publisher saves, every address among them well-formed. */
  static final class SaveEvent extends ComponentEvent<PermissionsForm> {
    private final ComputeOptions options;

    SaveEvent(PermissionsForm source, ComputeOptions options) {
      super(source, false);
      this.options = options;
    }

    ComputeOptions options() {
      return options;
    }
  }

  Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  private void load(ComputeOptions options) {
    algorithms.addAll(options.trustedAlgorithms());
    anyPublisher.setValue(options.trustedPublishers().contains(TrustedAlgorithm.ANY));
    publishers.setValue(
        String.join(
            ", ",
            options.trustedPublishers().stream()
                .filter(p -> !p.equals(TrustedAlgorithm.ANY))
                .toList()));
    raw.setValue(options.allowRawAlgorithm());
    network.setValue(options.allowNetworkAccess());
  }

  private void configureFields() {
    anyPublisher.setId("any-publisher");
    raw.setId("allow-raw");
    network.setId("allow-network");
    publishers.setWidth("40em");
    summary.setId("permissions-summary");
    algorithmList.setId("trusted-algorithms");
    for (HasValue<?, ?> field : new HasValue<?, ?>[] {anyPublisher, publishers, raw, network}) {
      field.addValueChangeListener(change -> refresh());
    }
  }

  private static Paragraph warning(String text) {
    Paragraph warning = new Paragraph(text);
    warning.addClassName("cove-warning");
    return warning;
  }

  private HorizontalLayout algorithmPicker(FetchCallback<Asset, String> algorithms) {
    AlgorithmPicker picker =
        new AlgorithmPicker("Add an algorithm", "algorithm-picker", algorithms);
    Checkbox pin = new Checkbox("Only this version", true);
    pin.setId("pin-version");
    Button add =
        new Button(
            "Add",
            click -> {
              Asset algorithm = picker.getValue();
              if (algorithm != null) {
                choose(pin.getValue() ? pinned(algorithm) : anyVersion(algorithm));
                picker.clear();
                refresh();
              }
            });
    add.setId("add-algorithm");
    HorizontalLayout row = new HorizontalLayout(picker, pin, add);
    row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    return row;
  }

  /** An algorithm chosen again replaces its earlier entry (pinned or not). */
  private void choose(TrustedAlgorithm entry) {
    algorithms.removeIf(t -> t.did().equalsIgnoreCase(entry.did()));
    algorithms.add(entry);
  }

  private static TrustedAlgorithm pinned(Asset algorithm) {
    return new TrustedAlgorithm(
        algorithm.did().value(),
        algorithm.filesChecksum(),
        algorithm.metadata().algorithm().map(a -> a.container().sectionChecksum()));
  }

  private static TrustedAlgorithm anyVersion(Asset algorithm) {
    return new TrustedAlgorithm(algorithm.did().value(), Optional.empty(), Optional.empty());
  }

  private void refresh() {
    algorithmList.removeAll();
    if (algorithms.isEmpty()) {
      algorithmList.add(new ListItem("None yet."));
    }
    for (TrustedAlgorithm entry : List.copyOf(algorithms)) {
      Button remove =
          new Button(
              "Remove",
              click -> {
                algorithms.remove(entry);
                refresh();
              });
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      algorithmList.add(
          new ListItem(
              new Span(
                  names.apply(entry.did()).orElse(entry.did())
                      + (entry.filesChecksum().isPresent() ? " (this version)" : " (any version)")),
              remove));
    }
    summary.removeAll();
    options()
        .ifPresent(
            o ->
                PermissionSummary.describe(o, names)
                    .forEach(line -> summary.add(new ListItem(line))));
  }

  /** The options on screen, or empty (with a message) while an address is malformed. */
  private Optional<ComputeOptions> options() {
    List<String> trusted = new ArrayList<>();
    if (anyPublisher.getValue()) {
      trusted.add(TrustedAlgorithm.ANY);
    }
    for (String text :
        Arrays.stream(publishers.getValue().split(","))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .toList()) {
      if (!Address.isAddress(text)) {
        publishers.setInvalid(true);
        publishers.setErrorMessage(text + " is not an address");
        return Optional.empty();
      }
      trusted.add(Address.parse(text).value());
    }
    publishers.setInvalid(false);
    return Optional.of(new ComputeOptions(raw.getValue(), network.getValue(), algorithms, trusted));
  }
}
