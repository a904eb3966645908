package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;

/** The signed-in account's own assets, disabled ones included. */
@Route(value = "my-assets", layout = MainLayout.class)
@PageTitle("My assets · Cove")
@Dependent
public class MyAssetsView extends VerticalLayout {

  @Inject
  public MyAssetsView(Catalogue catalogue) {
    setSizeFull();
    PortalSession.principal().ifPresent(me -> show(catalogue, me));
  }

  private void show(Catalogue catalogue, Principal me) {
    Button publish =
        new Button("Publish", click -> getUI().ifPresent(ui -> ui.navigate("publish")));
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    AssetGrid grid =
        new AssetGrid(
            (page, size) ->
                catalogue.search(
                    new CatalogueQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(me.address()),
                        true,
                        page,
                        Math.min(size, CatalogueQuery.MAX_SIZE))));
    grid.setId("my-assets-grid");
    add(new H2("My assets"), publish, grid);
  }
}
