package org.cove.portal.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.cove.identity.AuthToken;
import org.cove.identity.Principal;

/** Who is signed in to this browser session. */
final class PortalSession {

  private PortalSession() {}

  static Optional<Principal> principal() {
    return Optional.ofNullable(VaadinSession.getCurrent())
        .map(session -> session.getAttribute(Principal.class));
  }

  static Principal require() {
    return principal().orElseThrow(() -> new IllegalStateException("not signed in"));
  }

  /** Starts a new HTTP session for the account, so a session id fixed before sign-in is void. */
  static void signIn(Principal principal, AuthToken token) {
    VaadinService.reinitializeSession(VaadinRequest.getCurrent());
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(Principal.class, principal);
    session.setAttribute(AuthToken.class, token);
  }

  static void signOut() {
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(Principal.class, null);
    session.setAttribute(AuthToken.class, null);
    session.getSession().invalidate();
  }
}
