package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Approval;
import org.cove.provider.ApprovalState;
import org.cove.provider.Approvals;
import org.cove.provider.Catalogue;
import org.cove.provider.CodeReview;
import org.cove.shared.CoveException;
import org.cove.shared.Did;

/**
 * Requests to trust algorithms: the publisher's inbox (read the code and the diff against the
 * version approved before; approve, reject, revoke) and the consumer's own requests.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals · Cove")
@Dependent
public class ApprovalsView extends VerticalLayout {

  private final Approvals approvals;
  private final Catalogue catalogue;
  private final Grid<Approval> grid = new Grid<>(Approval.class, false);
  private final Div detail = new Div();
  private Approvals.Role role = Approvals.Role.PUBLISHER;
  private Principal me;

  @Inject
  public ApprovalsView(Approvals approvals, Catalogue catalogue) {
    this.approvals = approvals;
    this.catalogue = catalogue;
    setSizeFull();
    PortalSession.principal()
        .ifPresent(
            principal -> {
              me = principal;
              add(new H2("Approvals"), tabs(), grid, detail);
              configureGrid();
            });
  }

  private Tabs tabs() {
    Tab inbox = new Tab("To review");
    inbox.setId("tab-inbox");
    Tab mine = new Tab("My requests");
    mine.setId("tab-mine");
    Tabs tabs = new Tabs(inbox, mine);
    tabs.addSelectedChangeListener(
        change -> {
          role =
              change.getSelectedTab() == inbox ? Approvals.Role.PUBLISHER : Approvals.Role.CONSUMER;
          detail.removeAll();
          grid.getDataProvider().refreshAll();
        });
    return tabs;
  }

  private void configureGrid() {
    grid.setId("approvals-grid");
    grid.addColumn(a -> a.state().name().toLowerCase(Locale.ROOT))
        .setHeader("State")
        .setAutoWidth(true);
    grid.addColumn(a -> name(a.algorithm())).setHeader("Algorithm").setFlexGrow(2);
    grid.addColumn(a -> name(a.dataset())).setHeader("Dataset").setFlexGrow(2);
    grid.addColumn(a -> a.consumer().value()).setHeader("Consumer").setFlexGrow(2);
    grid.addColumn(a -> AssetGrid.DAY.format(a.requestedAt())).setHeader("Requested");
    grid.setItems(
        query ->
            approvals
                .list(
                    me, role, Optional.empty(), query.getPage(), Math.min(query.getPageSize(), 100))
                .items()
                .stream(),
        query -> (int) approvals.list(me, role, Optional.empty(), 0, 1).total());
    grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
    grid.setHeight("18em");
  }

  private void show(Approval approval) {
    detail.removeAll();
    if (approval == null) {
      return;
    }
    detail.add(
        new H3(name(approval.algorithm()) + " on " + name(approval.dataset())),
        new Paragraph(
            "Asked by "
                + approval.consumer().value()
                + ": "
                + (approval.justification().isBlank()
                    ? "(no reason given)"
                    : approval.justification())),
        new Paragraph(
            "State: "
                + approval.state().name().toLowerCase(Locale.ROOT)
                + approval.reason().map(r -> " — " + r).orElse("")));
    if (role == Approvals.Role.PUBLISHER) {
      detail.add(decisions(approval));
      review(approval).ifPresent(detail::add);
    }
  }

  private Component decisions(Approval approval) {
    HorizontalLayout actions = new HorizontalLayout();
    actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    if (approval.state() == ApprovalState.PENDING) {
      Button approve =
          new Button(
              "Approve",
              click ->
                  decide(
                      () -> approvals.approve(me, approval.id()),
                      "Approved: the algorithm may run, in this version."));
      approve.setId("approve");
      approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
      TextField reason = new TextField();
      reason.setPlaceholder("Reason for rejecting");
      reason.setId("reject-reason");
      Button reject =
          new Button(
              "Reject",
              click ->
                  decide(
                      () -> approvals.reject(me, approval.id(), reason.getValue()), "Rejected."));
      reject.setId("reject");
      reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
      actions.add(approve, reason, reject);
    } else if (approval.state() == ApprovalState.APPROVED) {
      Button revoke =
          new Button(
              "Revoke",
              click ->
                  decide(
                      () -> approvals.revoke(me, approval.id()),
                      "Revoked: the algorithm may no longer run."));
      revoke.setId("revoke");
      revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
      actions.add(revoke);
    }
    return actions;
  }

  private Optional<Component> review(Approval approval) {
    try {
      CodeReview review = approvals.code(me, approval.id());
      VerticalLayout code = new VerticalLayout();
      code.setPadding(false);
      code.setId("code-review");
      review
          .diff()
          .ifPresent(
              d ->
                  code.add(new H4("Changes since the version approved before"), CodeBlock.diff(d)));
      for (CodeReview.CodeFile file : review.files()) {
        code.add(new H4(file.name() + (file.truncated() ? " (first 1 MiB)" : "")));
        code.add(
            file.binary() ? new Paragraph("Binary file: not shown.") : CodeBlock.code(file.text()));
      }
      return Optional.of(code);
    } catch (CoveException e) {
      return Optional.of(new Paragraph("The code cannot be shown: " + e.detail()));
    }
  }

  private void decide(Runnable decision, String done) {
    decision.run();
    Notices.success(done);
    detail.removeAll();
    grid.getDataProvider().refreshAll();
  }

  private String name(Did did) {
    try {
      return catalogue.get(did).metadata().name();
    } catch (CoveException gone) {
      return did.value();
    }
  }
}
