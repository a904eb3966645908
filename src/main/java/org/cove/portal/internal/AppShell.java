package org.cove.portal.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page around every view: plain CSS from the webapp, no theme build and so no npm. Server push
 * (WebSocket) lets work finished outside a request, such as an upload, reach the page.
 */
@Push
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Cove");
    settings.addLink("stylesheet", "styles/cove.css");
  }
}
