package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.ledger.Anchors;
import org.cove.ledger.Ledger;
import org.cove.ledger.LedgerEntry;
import org.cove.ledger.LedgerQuery;
import org.cove.ledger.Times;
import org.cove.ledger.Verification;

/**
 * The audit ledger as this account may see it (everything for admins), loaded page by page, with
 * chain verification for admins.
 */
@Route(value = "ledger", layout = MainLayout.class)
@PageTitle("Ledger · Cove")
@Dependent
public class LedgerView extends VerticalLayout {

  private final Ledger ledger;
  private final Grid<LedgerEntry> grid = new Grid<>(LedgerEntry.class, false);
  private final TextField kindFilter = new TextField();
  private final Span verification = new Span();

  @Inject
  public LedgerView(Ledger ledger) {
    this.ledger = ledger;
    setSizeFull();
    PortalSession.principal()
        .ifPresent(
            principal -> {
              add(new H2("Ledger"), toolbar(principal), grid);
              configureGrid(principal);
            });
  }

  private HorizontalLayout toolbar(Principal principal) {
    kindFilter.setPlaceholder("Filter by kind, e.g. signed-in");
    kindFilter.setClearButtonVisible(true);
    kindFilter.setValueChangeMode(ValueChangeMode.LAZY);
    kindFilter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
    HorizontalLayout toolbar = new HorizontalLayout(kindFilter);
    toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    if (principal.isAdmin()) {
      Button verify = new Button("Verify chain", click -> show(ledger.verify()));
      verify.setId("verify-chain");
      verification.setId("verification");
      toolbar.add(verify, verification);
    }
    return toolbar;
  }

  private void configureGrid(Principal principal) {
    grid.setId("ledger-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(LedgerEntry::sequence).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> Times.format(e.time())).setHeader("Time").setAutoWidth(true);
    grid.addColumn(LedgerEntry::kind).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(e -> e.actor().value()).setHeader("Actor").setAutoWidth(true);
    grid.addColumn(LedgerEntry::subject).setHeader("Subject").setAutoWidth(true);
    grid.addColumn(LedgerEntry::payload).setHeader("Details").setFlexGrow(1);
    grid.addColumn(e -> e.hash().substring(0, 12) + "…").setHeader("Hash").setAutoWidth(true);
    grid.setItems(
        query ->
            ledger.entries(query(principal, query.getPage(), query.getPageSize())).items().stream(),
        query -> (int) ledger.entries(query(principal, 0, 1)).total());
    grid.setSizeFull();
  }

  private LedgerQuery query(Principal principal, int page, int size) {
    Optional<String> kind =
        kindFilter.getValue().isBlank()
            ? Optional.empty()
            : Optional.of(kindFilter.getValue().trim());
    return new LedgerQuery(
        kind,
        Optional.empty(),
        Optional.empty(),
        principal.isAdmin() ? Optional.empty() : Optional.of(principal.address()),
        page,
        Math.min(size, LedgerQuery.MAX_SIZE));
  }

  private void show(Verification result) {
    verification.setText(
        (result.ok()
                ? "Intact: "
                    + result.size()
                    + " entries, head "
                    + result.head().substring(0, 12)
                    + "…"
                : "Broken at entry " + result.firstBroken() + ": " + result.reason())
            + ". "
            + anchors(result.anchors()));
    verification.getElement().setAttribute("data-ok", String.valueOf(result.ok()));
  }

  private static String anchors(Anchors anchors) {
    String latest =
        anchors
            .latest()
            .map(a -> "anchored on the chain up to entry " + a.size())
            .orElse("no anchor confirmed on the chain");
    return anchors.unchecked().map(why -> "Anchors not read: " + why).orElse(latest);
  }
}
