package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cove.identity.AuthToken;
import org.cove.identity.Principal;
import org.cove.identity.Tokens;
import org.cove.identity.Tokens.TokenOrigin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The signed-in account: address, roles, the ledger, and a token for scripts. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · Cove")
@Dependent
public class HomeView extends VerticalLayout {

  private final Tokens tokens;
  private final String publicUrl;
  private final Pre tokenOutput = new Pre();

  @Inject
  public HomeView(Tokens tokens, @ConfigProperty(name = "cove.public.url") String publicUrl) {
    this.tokens = tokens;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    PortalSession.principal().ifPresent(this::show);
  }

  private void show(Principal principal) {
    add(new H2("Your account"));
    Span address = new Span(principal.address().value());
    address.setId("account-address");
    address.addClassName("cove-address");
    Span roles =
        new Span(
            principal.roles().stream()
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(", ")));
    roles.setId("account-roles");
    add(new Paragraph(new Span("Address: "), address), new Paragraph(new Span("Roles: "), roles));
    add(
        new Paragraph(
            new Span("Every sign-in, approval and job is recorded in the "),
            new Anchor(RouteConfiguration.forSessionScope().getUrl(LedgerView.class), "ledger"),
            new Span(".")));
    add(new H2("API token"), new Paragraph("A short-lived bearer token for scripts and the API."));
    Button create = new Button("Create API token", click -> createToken(principal));
    create.setId("create-token");
    tokenOutput.setId("api-token");
    add(create, tokenOutput);
  }

  private void createToken(Principal principal) {
    AuthToken token = tokens.issue(principal.address(), TokenOrigin.SESSION);
    tokenOutput.setText(
        token.token()
            + "\n\nValid until "
            + token.expiresAt()
            + "\n\ncurl -H 'Authorization: Bearer "
            + token.token()
            + "' "
            + publicUrl
            + "/api/v1/me");
  }
}
