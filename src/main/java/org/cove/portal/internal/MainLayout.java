package org.cove.portal.internal;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.operator.EngineHealth;
import org.cove.operator.JobRegistry;
import org.cove.shared.RunMode;

/** The frame of every signed-in view: title, account, sign-out, navigation. */
@Dependent
public class MainLayout extends AppLayout implements BeforeEnterObserver {

  private final Span account = new Span();

  @Inject
  public MainLayout(RunMode runMode, JobRegistry jobs) {
    addToNavbar(new DrawerToggle(), title());
    engineWarning(jobs.engineHealth()).ifPresent(this::addToNavbar);
    addToNavbar(spacer(), account, signOutButton());
    addToDrawer(navigation());
    if (runMode == RunMode.DEVELOPMENT) {
      Span banner = new Span("Development mode: demo accounts enabled");
      banner.addClassName("cove-dev-banner");
      addToDrawer(banner);
    }
  }

  private static H1 title() {
    H1 title = new H1("Cove");
    title.addClassName("cove-title");
    return title;
  }

  /** Everyone sees it when the engine runs with less isolation than it should, or not at all. */
  private static Optional<Span> engineWarning(EngineHealth health) {
    return health
        .warning()
        .or(() -> health.acceptsJobs() ? Optional.empty() : health.refusal())
        .map(
            text -> {
              Span banner = new Span(text);
              banner.setId("engine-warning");
              banner.addClassName("cove-engine-warning");
              return banner;
            });
  }

  private static HorizontalLayout spacer() {
    HorizontalLayout spacer = new HorizontalLayout();
    spacer.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    spacer.getStyle().set("flex-grow", "1");
    return spacer;
  }

  private Button signOutButton() {
    Button signOut =
        new Button(
            "Sign out",
            click -> {
              PortalSession.signOut();
              getUI().ifPresent(ui -> ui.getPage().setLocation("signin"));
            });
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    signOut.setId("sign-out");
    return signOut;
  }

  private static SideNav navigation() {
    SideNav nav = new SideNav();
    nav.addItem(new SideNavItem("Home", HomeView.class));
    nav.addItem(new SideNavItem("Catalogue", CatalogueView.class));
    nav.addItem(new SideNavItem("My assets", MyAssetsView.class));
    nav.addItem(new SideNavItem("Publish", PublishView.class));
    nav.addItem(new SideNavItem("My jobs", JobsView.class));
    nav.addItem(new SideNavItem("Jobs on my datasets", JobsOnMyDataView.class));
    nav.addItem(new SideNavItem("Approvals", ApprovalsView.class));
    nav.addItem(new SideNavItem("Ledger", LedgerView.class));
    return nav;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    PortalSession.principal()
        .ifPresentOrElse(
            principal -> account.setText(principal.address().value()),
            () -> event.forwardTo(SignInView.class));
  }
}
