package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;
import org.cove.shared.CoveException;
import org.cove.shared.Did;

/**
 * The publisher decides who may run what on a compute service: chosen algorithms (pinned to the
 * version they see, or any version), trusted publishers, raw algorithms, network access; a
 * plain-language summary follows every change.
 */
@Route(value = "assets/:did/permissions", layout = MainLayout.class)
@PageTitle("Permissions · Cove")
@Dependent
public class PermissionsView extends VerticalLayout implements BeforeEnterObserver {

  private final Catalogue catalogue;
  private final List<TrustedAlgorithm> algorithms = new ArrayList<>();
  private final UnorderedList algorithmList = new UnorderedList();
  private final Checkbox anyPublisher = new Checkbox("Any algorithm published on this provider");
  private final TextField publishers =
      new TextField("Trusted publishers (addresses, comma-separated)");
  private final Checkbox raw =
      new Checkbox("Raw algorithms (code sent with a job, never reviewed)");
  private final Checkbox network = new Checkbox("Network access for algorithms");
  private final UnorderedList summary = new UnorderedList();
  private Asset dataset;
  private Service service;
  private Principal me;

  @Inject
  public PermissionsView(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    me = PortalSession.principal().orElse(null);
    String did = event.getRouteParameters().get("did").orElse("");
    if (me == null || !Did.isDid(did)) {
      return;
    }
    try {
      dataset = catalogue.get(Did.parse(did));
    } catch (CoveException e) {
      add(new H2("No such asset"));
      return;
    }
    service =
        dataset.services().stream()
            .filter(s -> s.type() == ServiceType.COMPUTE)
            .findFirst()
            .orElse(null);
    if (!dataset.publisher().equals(me.address()) || service == null) {
      add(new H2("Only the publisher of a compute dataset edits its permissions"));
      return;
    }
    load(service.compute().orElse(ComputeOptions.privateByDefault()));
    build();
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

  private void build() {
    anyPublisher.setId("any-publisher");
    raw.setId("allow-raw");
    network.setId("allow-network");
    publishers.setWidth("40em");
    summary.setId("permissions-summary");
    for (var field :
        new com.vaadin.flow.component.HasValue<?, ?>[] {anyPublisher, publishers, raw, network}) {
      field.addValueChangeListener(change -> refresh());
    }
    Paragraph rawWarning =
        new Paragraph(
            "Raw code is not reviewed by anyone: allow it only for consumers you trust (see the allow list).");
    rawWarning.addClassName("cove-warning");
    Paragraph networkWarning =
        new Paragraph(
            "With network access an algorithm could send your data elsewhere. Off unless you are sure.");
    networkWarning.addClassName("cove-warning");
    Button save = new Button("Save", click -> save());
    save.setId("save-permissions");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    algorithmList.setId("trusted-algorithms");
    add(
        new H2("Who may run what on " + dataset.metadata().name()),
        new H3("Chosen algorithms"),
        algorithmList,
        algorithmPicker(),
        new H3("Trusted publishers"),
        anyPublisher,
        publishers,
        new H3("Riskier choices"),
        raw,
        rawWarning,
        network,
        networkWarning,
        new H3("In plain words"),
        summary,
        save);
    refresh();
  }

  private HorizontalLayout algorithmPicker() {
    AlgorithmPicker picker =
        new AlgorithmPicker(
            "Add an algorithm", "algorithm-picker", AlgorithmPicker.activeIn(catalogue));
    Checkbox pin = new Checkbox("Only this version", true);
    pin.setId("pin-version");
    Button add =
        new Button(
            "Add",
            click -> {
              Asset algorithm = picker.getValue();
              if (algorithm != null) {
                algorithms.removeIf(t -> t.did().equalsIgnoreCase(algorithm.did().value()));
                algorithms.add(
                    pin.getValue()
                        ? pinned(algorithm)
                        : new TrustedAlgorithm(
                            algorithm.did().value(), Optional.empty(), Optional.empty()));
                picker.clear();
                refresh();
              }
            });
    add.setId("add-algorithm");
    HorizontalLayout row = new HorizontalLayout(picker, pin, add);
    row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    return row;
  }

  private static TrustedAlgorithm pinned(Asset algorithm) {
    return new TrustedAlgorithm(
        algorithm.did().value(),
        algorithm.filesChecksum(),
        algorithm.metadata().algorithm().map(a -> a.container().sectionChecksum()));
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
                  nameOf(entry.did()).orElse(entry.did())
                      + (entry.filesChecksum().isPresent() ? " (this version)" : " (any version)")),
              remove));
    }
    summary.removeAll();
    options()
        .ifPresent(
            o ->
                PermissionSummary.describe(o, this::nameOf)
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

  private void save() {
    options()
        .ifPresent(
            o -> {
              catalogue.setComputeOptions(me, dataset.did(), service.id(), o);
              Notices.success("Saved.");
              getUI().ifPresent(ui -> ui.navigate("assets/" + dataset.did().value()));
            });
  }

  private Optional<String> nameOf(String did) {
    return AssetNames.nameOf(catalogue, did);
  }
}
