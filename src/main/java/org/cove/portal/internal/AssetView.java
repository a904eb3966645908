package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
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
import java.util.Locale;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.identity.Role;
import org.cove.operator.Environments;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.Approvals;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.Compute;
import org.cove.provider.DemoPayments;
import org.cove.provider.Downloads;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.shared.CoveException;
import org.cove.shared.Did;

/**
 * One asset: what it is, its services, who may run what on it, and what the signed-in account can
 * do with it (download or pay and download its access services' files; its publisher: disable, edit
 * permissions; others: ask for approval).
 */
@Route(value = "assets/:did", layout = MainLayout.class)
@PageTitle("Asset · Cove")
@Dependent
public class AssetView extends VerticalLayout implements BeforeEnterObserver {

  private final Catalogue catalogue;
  private final Approvals approvals;
  private final Compute compute;
  private final Environments environments;
  private final Downloads downloads;
  private final DemoPayments demoPayments;

  @Inject
  public AssetView(
      Catalogue catalogue,
      Approvals approvals,
      Compute compute,
      Environments environments,
      Downloads downloads,
      DemoPayments demoPayments) {
    this.catalogue = catalogue;
    this.approvals = approvals;
    this.compute = compute;
    this.environments = environments;
    this.downloads = downloads;
    this.demoPayments = demoPayments;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Optional<Principal> me = PortalSession.principal();
    String did = event.getRouteParameters().get("did").orElse("");
    if (me.isEmpty() || !Did.isDid(did)) {
      return;
    }
    try {
      show(catalogue.get(Did.parse(did)), me.get());
    } catch (CoveException e) {
      add(new H2("No such asset"), new Paragraph(e.detail()));
    }
  }

  private void show(Asset asset, Principal me) {
    H2 name = new H2(asset.metadata().name());
    name.setId("asset-name");
    add(name, summary(asset));
    // Arriving from a long page (the publish form) must not leave the reader mid-page.
    name.scrollIntoView();
    if (!asset.metadata().description().isBlank()) {
      add(new Paragraph(asset.metadata().description()));
    }
    asset.metadata().algorithm().ifPresent(a -> add(algorithm(asset, a)));
    add(services(asset));
    asset.services().stream()
        .filter(
            s -> s.type() == ServiceType.COMPUTE && asset.metadata().type() == AssetType.DATASET)
        .forEach(s -> add(permissions(asset, s)));
    if (asset.hasSample()) {
      Anchor sample =
          new Anchor("/api/v1/assets/" + asset.did().value() + "/sample", "Download the sample");
      sample.setRouterIgnore(true);
      add(sample);
    }
    if (asset.state() == AssetState.ACTIVE) {
      asset.services().stream()
          .filter(s -> s.type() == ServiceType.ACCESS && s.fileCount() > 0)
          .forEach(s -> add(new DownloadPanel(downloads, demoPayments, asset, s, me)));
    }
    if (asset.metadata().type() == AssetType.DATASET
        && asset.state() == AssetState.ACTIVE
        && me.roles().contains(Role.CONSUMER)) {
      computeService(asset)
          .ifPresent(
              s -> add(new ComputeForm(compute, demoPayments, environments.list(), asset, s, me)));
    }
    if (asset.publisher().equals(me.address())) {
      add(ownerActions(asset, me));
      add(
          new PriceEditor(
              asset,
              (serviceId, price) -> {
                try {
                  catalogue.setPrice(me, asset.did(), serviceId, price);
                  getUI().ifPresent(ui -> ui.getPage().reload());
                } catch (CoveException e) {
                  Notices.error(e.detail());
                }
              }));
    } else if (asset.metadata().type() == AssetType.DATASET && asset.state() == AssetState.ACTIVE) {
      computeService(asset).ifPresent(s -> add(requestApproval(asset, s, me)));
    }
  }

  private static Optional<Service> computeService(Asset asset) {
    return asset.services().stream().filter(s -> s.type() == ServiceType.COMPUTE).findFirst();
  }

  private Component summary(Asset asset) {
    Div facts = new Div();
    facts.addClassName("cove-facts");
    facts.add(
        fact("Type", asset.metadata().type().name().toLowerCase(Locale.ROOT)),
        fact("State", asset.state().name().toLowerCase(Locale.ROOT)),
        fact("Publisher", asset.publisher().value()),
        fact("Author", asset.metadata().author()),
        fact("License", asset.metadata().license()),
        fact("Tags", String.join(", ", asset.metadata().tags())),
        fact("DID", asset.did().value()),
        fact("Updated", AssetGrid.DAY.format(asset.metadata().updated())));
    if (!asset.credentials().allow().isEmpty() || !asset.credentials().deny().isEmpty()) {
      facts.add(
          fact(
              "Access",
              asset.credentials().allow().size()
                  + " allowed account(s), "
                  + asset.credentials().deny().size()
                  + " denied"));
    }
    return facts;
  }

  private Component algorithm(Asset asset, AlgorithmMetadata algorithm) {
    Div facts = new Div();
    facts.addClassName("cove-facts");
    facts.add(
        fact("Runs", algorithm.container().entrypoint()),
        fact("Image", algorithm.container().image() + ":" + algorithm.container().tag()),
        fact("Image digest", algorithm.container().checksum()),
        fact("Files checksum", asset.filesChecksum().orElse("")),
        fact("Container checksum", algorithm.container().sectionChecksum()));
    facts.setId("algorithm-checksums");
    return new Div(new H3("Algorithm"), facts);
  }

  private Component services(Asset asset) {
    UnorderedList list = new UnorderedList();
    for (Service service : asset.services()) {
      String price = PriceText.of(service.price());
      String kind =
          service.type() == ServiceType.ACCESS
              ? "download"
              : "compute only: the files never leave the provider";
      ListItem item =
          new ListItem(
              service.id() + " — " + kind + ", " + service.fileCount() + " file(s), " + price);
      item.setId("service-" + service.id());
      list.add(item);
    }
    return new Div(new H3("Services"), list);
  }

  private Component permissions(Asset asset, Service service) {
    UnorderedList lines = new UnorderedList();
    lines.setId("permissions-" + service.id());
    PermissionSummary.describe(
            service.compute().orElse(org.cove.provider.ComputeOptions.privateByDefault()),
            this::nameOf)
        .forEach(line -> lines.add(new ListItem(line)));
    return new Div(new H3("Who may run what on “" + service.id() + "”"), lines);
  }

  private Optional<String> nameOf(String did) {
    return AlgorithmPicker.nameOf(catalogue, did);
  }

  private Component ownerActions(Asset asset, Principal me) {
    boolean active = asset.state() == AssetState.ACTIVE;
    Button state =
        new Button(
            active ? "Disable" : "Enable",
            click -> {
              catalogue.setState(me, asset.did(), active ? AssetState.DISABLED : AssetState.ACTIVE);
              getUI().ifPresent(ui -> ui.getPage().reload());
            });
    state.setId("toggle-state");
    HorizontalLayout actions = new HorizontalLayout(state);
    if (asset.metadata().type() == AssetType.DATASET
        && asset.services().stream().anyMatch(s -> s.type() == ServiceType.COMPUTE)) {
      Button permissions =
          new Button(
              "Edit permissions",
              click ->
                  getUI()
                      .ifPresent(
                          ui -> ui.navigate("assets/" + asset.did().value() + "/permissions")));
      permissions.setId("edit-permissions");
      permissions.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      actions.add(permissions);
    }
    return actions;
  }

  /** A consumer picks an algorithm and asks the publisher to allow it here. */
  private Component requestApproval(Asset dataset, Service service, Principal me) {
    AlgorithmPicker algorithm = new AlgorithmPicker("Algorithm", "approval-algorithm", catalogue);
    TextField justification = new TextField("Why you need it");
    justification.setId("approval-justification");
    justification.setWidth("28em");
    Button request =
        new Button(
            "Request approval",
            click -> {
              if (algorithm.getValue() == null) {
                Notices.error("Choose an algorithm first.");
                return;
              }
              approvals.request(
                  me,
                  dataset.did(),
                  service.id(),
                  algorithm.getValue().did(),
                  justification.getValue());
              Notices.success("Asked the publisher. You will see the decision under Approvals.");
            });
    request.setId("request-approval");
    request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    VerticalLayout form =
        new VerticalLayout(
            new H3("Run your algorithm here"),
            new Paragraph(
                "The publisher reviews the algorithm's code before it may run on this data."),
            algorithm,
            justification,
            request);
    form.setPadding(false);
    return form;
  }

  static Component fact(String label, String value) {
    Span name = new Span(label);
    name.addClassName("cove-fact-label");
    Span text = new Span(value);
    text.addClassName("cove-fact-value");
    Div fact = new Div(name, text);
    fact.addClassName("cove-fact");
    return fact;
  }
}
