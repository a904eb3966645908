package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.identity.Role;
import org.cove.operator.Environments;
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
 * do with it (download or pay and download its access services' files; run compute; its publisher:
 * disable, edit permissions and prices; others: ask for approval). The forms on it fire events;
 * this view has the provider answer them.
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
    showFacts(asset);
    PaymentSender payments = new PaymentSender(demoPayments, me);
    boolean activeDataset =
        asset.metadata().type() == AssetType.DATASET && asset.state() == AssetState.ACTIVE;
    if (asset.state() == AssetState.ACTIVE) {
      asset.services().stream()
          .filter(s -> s.type() == ServiceType.ACCESS && s.fileCount() > 0)
          .forEach(s -> add(new DownloadPanel(downloads, payments, asset, s, me)));
    }
    if (activeDataset && me.roles().contains(Role.CONSUMER)) {
      computeService(asset).ifPresent(s -> add(configureComputeForm(asset, s, me, payments)));
    }
    if (asset.publisher().equals(me.address())) {
      add(ownerActions(asset, me), configurePriceEditor(asset, me));
    } else if (activeDataset) {
      computeService(asset).ifPresent(s -> add(configureApprovalForm(asset, s, me)));
    }
  }

  private void showFacts(Asset asset) {
    H2 name = new H2(asset.metadata().name());
    name.setId("asset-name");
    add(name, AssetFacts.summary(asset));
    // Arriving from a long page (the publish form) must not leave the reader mid-page.
    name.scrollIntoView();
    if (!asset.metadata().description().isBlank()) {
      add(new Paragraph(asset.metadata().description()));
    }
    asset.metadata().algorithm().ifPresent(a -> add(AssetFacts.algorithm(asset, a)));
    add(AssetFacts.services(asset));
    asset.services().stream()
        .filter(
            s -> s.type() == ServiceType.COMPUTE && asset.metadata().type() == AssetType.DATASET)
        .forEach(s -> add(AssetFacts.permissions(s, did -> AssetNames.nameOf(catalogue, did))));
    if (asset.hasSample()) {
      Anchor sample =
          new Anchor("/api/v1/assets/" + asset.did().value() + "/sample", "Download the sample");
      sample.setRouterIgnore(true);
      add(sample);
    }
  }

  private static Optional<Service> computeService(Asset asset) {
    return asset.services().stream().filter(s -> s.type() == ServiceType.COMPUTE).findFirst();
  }

  private ComputeForm configureComputeForm(
      Asset dataset, Service service, Principal me, PaymentSender payments) {
    ComputeForm form =
        new ComputeForm(
            dataset,
            service,
            me.address(),
            compute.runnableAlgorithms(me, dataset.did(), service.id()),
            environments.list());
    ComputeCoordinator coordinator = new ComputeCoordinator(compute, payments, form);
    form.addCheckListener(check -> coordinator.check(check.request()));
    form.addRunListener(run -> coordinator.run(run.request()));
    return form;
  }

  private PriceEditor configurePriceEditor(Asset asset, Principal me) {
    PriceEditor prices = new PriceEditor(asset);
    prices.addSaveListener(
        save -> {
          try {
            catalogue.setPrice(me, asset.did(), save.serviceId(), save.price());
            getUI().ifPresent(ui -> ui.getPage().reload());
          } catch (CoveException e) {
            Notices.error(e.detail());
          }
        });
    return prices;
  }

  /** A consumer asks the publisher to allow an algorithm here. */
  private ApprovalRequestForm configureApprovalForm(Asset dataset, Service service, Principal me) {
    ApprovalRequestForm form = new ApprovalRequestForm(AlgorithmPicker.activeIn(catalogue));
    form.addRequestListener(
        request -> {
          approvals.request(
              me, dataset.did(), service.id(), request.algorithm().did(), request.justification());
          Notices.success("Asked the publisher. You will see the decision under Approvals.");
        });
    return form;
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
}
