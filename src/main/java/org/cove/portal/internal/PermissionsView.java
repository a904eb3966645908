package org.cove.portal.internal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.shared.CoveException;
import org.cove.shared.Did;

/**
 * The publisher decides who may run what on a dataset's compute service: this view loads the
 * dataset, lets only its publisher in, and saves what the {@link PermissionsForm} fires.
 */
@Route(value = "assets/:did/permissions", layout = MainLayout.class)
@PageTitle("Permissions · Cove")
@Dependent
public class PermissionsView extends VerticalLayout implements BeforeEnterObserver {

  private final Catalogue catalogue;

  @Inject
  public PermissionsView(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Principal me = PortalSession.principal().orElse(null);
    String did = event.getRouteParameters().get("did").orElse("");
    if (me == null || !Did.isDid(did)) {
      return;
    }
    Asset dataset;
    try {
      dataset = catalogue.get(Did.parse(did));
    } catch (CoveException e) {
      add(new H2("No such asset"));
      return;
    }
    Optional<Service> service =
        dataset.services().stream().filter(s -> s.type() == ServiceType.COMPUTE).findFirst();
    if (!dataset.publisher().equals(me.address()) || service.isEmpty()) {
      add(new H2("Only the publisher of a compute dataset edits its permissions"));
      return;
    }
    add(
        new H2("Who may run what on " + dataset.metadata().name()),
        configureForm(dataset, service.get(), me));
  }

  private PermissionsForm configureForm(Asset dataset, Service service, Principal me) {
    PermissionsForm form =
        new PermissionsForm(
            service.compute().orElse(ComputeOptions.privateByDefault()),
            AlgorithmPicker.activeIn(catalogue),
            did -> AssetNames.nameOf(catalogue, did));
    form.addSaveListener(
        save -> {
          catalogue.setComputeOptions(me, dataset.did(), service.id(), save.options());
          Notices.success("Saved.");
          getUI().ifPresent(ui -> ui.navigate("assets/" + dataset.did().value()));
        });
    return form;
  }
}
