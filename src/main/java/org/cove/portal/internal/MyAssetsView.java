package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.Payments;
import org.cove.shared.Did;

/** The signed-in account's own assets, disabled ones included. */
@Route(value = "my-assets", layout = MainLayout.class)
@PageTitle("My assets · Cove")
@Dependent
public class MyAssetsView extends VerticalLayout {

  @Inject
  public MyAssetsView(Catalogue catalogue, Payments payments) {
    setSizeFull();
    PortalSession.principal()
        .ifPresent(
            me -> {
              show(catalogue, me);
              add(earnings(catalogue, payments, me));
            });
  }

  /** What the account was paid, per asset and token, from the payments Cove accepted. */
  private static Div earnings(Catalogue catalogue, Payments payments, Principal me) {
    UnorderedList list = new UnorderedList();
    list.setId("earnings");
    List<Payments.Earning> earned = payments.earnings(me.address());
    if (earned.isEmpty()) {
      list.add(new ListItem("Nothing yet."));
    }
    for (Payments.Earning e : earned) {
      String what =
          e.asset()
              .map(
                  did ->
                      assetName(catalogue, did) + " (" + e.item().substring(did.length() + 1) + ")")
              .orElse(e.item());
      list.add(
          new ListItem(
              what
                  + ": "
                  + e.amount().toPlainString()
                  + " "
                  + PriceText.token(e.token())
                  + " from "
                  + e.payments()
                  + " payment(s)"));
    }
    return new Div(new H3("Earnings"), list);
  }

  private static String assetName(Catalogue catalogue, String did) {
    try {
      return catalogue.get(Did.parse(did)).metadata().name();
    } catch (RuntimeException gone) {
      return did;
    }
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
