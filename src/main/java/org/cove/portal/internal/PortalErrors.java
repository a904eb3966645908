package org.cove.portal.internal;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.CoveException;
import org.cove.shared.LogSafe;

/**
 * Errors in the portal reach the user as a short message (the problem's detail, or an id to quote
 * for a bug), never as a stack trace; bugs go to the server log under that id.
 */
public class PortalErrors implements VaadinServiceInitListener {

  private static final Logger LOG = Logger.getLogger(PortalErrors.class.getName());

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::show));
  }

  private void show(ErrorEvent event) {
    String message = message(event.getThrowable());
    if (VaadinSession.getCurrent() != null && com.vaadin.flow.component.UI.getCurrent() != null) {
      Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
      notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private static String message(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (t instanceof CoveException cove && cove.type().status() < 500) {
        return cove.detail();
      }
    }
    String id = UUID.randomUUID().toString();
    LogSafe.log(LOG, Level.SEVERE, "Portal error " + id, throwable);
    return "Something went wrong. If it persists, quote error id " + id + ".";
  }
}
