package org.cove.portal.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.cove.identity.Accounts;
import org.cove.identity.AuthToken;
import org.cove.identity.DemoAccount;
import org.cove.identity.DemoAccounts;
import org.cove.identity.SignIn;
import org.cove.identity.SiweChallenge;
import org.cove.shared.Address;
import org.cove.shared.CoveException;

/**
 * Sign-in with the browser's wallet (EIP-1193 {@code window.ethereum}: request the account, then
 * personal_sign the Sign-In with Ethereum message), or, in development, as a demo account.
 */
@Route("signin")
@PageTitle("Sign in · Cove")
@Dependent
public class SignInView extends VerticalLayout {

  private final SignIn signIn;
  private final Accounts accounts;
  private final DemoAccounts demoAccounts;

  @Inject
  public SignInView(SignIn signIn, Accounts accounts, DemoAccounts demoAccounts) {
    this.signIn = signIn;
    this.accounts = accounts;
    this.demoAccounts = demoAccounts;
    addClassName("cove-signin");
    setAlignItems(Alignment.CENTER);
    add(new H1("Cove"), new Paragraph("Compute next to the data. Only results come back."));
    add(walletButton());
    addDemoAccounts(demoAccounts.list());
  }

  private Button walletButton() {
    Button wallet = new Button("Sign in with wallet", click -> requestAccount());
    wallet.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
    wallet.setId("sign-in-wallet");
    return wallet;
  }

  private void addDemoAccounts(List<DemoAccount> demos) {
    if (demos.isEmpty()) {
      return;
    }
    VerticalLayout list = new VerticalLayout();
    list.setAlignItems(Alignment.CENTER);
    list.add(new H2("Demo accounts"));
    list.add(new Paragraph("Development mode only: the server holds these keys."));
    for (DemoAccount demo : demos) {
      Button button =
          new Button(
              demo.label() + " · " + demo.address().value(), click -> signInAsDemo(demo.address()));
      button.setId("demo-" + demo.role().name().toLowerCase());
      list.add(button);
    }
    add(list);
  }

  private void requestAccount() {
    getElement()
        .executeJs(
            "if (!window.ethereum) { return null; }"
                + " return window.ethereum.request({method: 'eth_requestAccounts'})"
                + ".then(accounts => accounts[0]);")
        .then(
            String.class,
            account -> {
              if (account == null || account.isEmpty()) {
                fail("No wallet found in this browser. Install one, or use a demo account.");
              } else {
                signMessage(account);
              }
            },
            error -> fail("The wallet did not share an account."));
  }

  private void signMessage(String account) {
    SiweChallenge challenge;
    try {
      challenge = signIn.challenge(Address.parse(account));
    } catch (CoveException e) {
      fail(e.detail());
      return;
    }
    String hexMessage =
        "0x" + HexFormat.of().formatHex(challenge.message().getBytes(StandardCharsets.UTF_8));
    getElement()
        .executeJs(
            "return window.ethereum.request({method: 'personal_sign', params: [$0, $1]});",
            hexMessage,
            account)
        .then(
            String.class,
            signature -> complete(() -> signIn.signIn(challenge.message(), signature)),
            error -> fail("The wallet did not sign the message."));
  }

  private void signInAsDemo(Address address) {
    complete(() -> demoAccounts.signInAs(address));
  }

  private void complete(java.util.function.Supplier<AuthToken> signInStep) {
    try {
      AuthToken token = signInStep.get();
      PortalSession.signIn(accounts.principal(token.address()), token);
      UI.getCurrent().navigate(HomeView.class);
    } catch (CoveException e) {
      fail(e.detail());
    }
  }

  private static void fail(String message) {
    Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
