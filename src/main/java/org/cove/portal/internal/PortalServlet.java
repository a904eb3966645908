package org.cove.portal.internal;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;

/**
 * Vaadin's servlet, declared rather than left to vaadin-cdi's automatic one, so that it accepts
 * multipart requests: the upload component streams files through it. Sizes are not limited here:
 * the provider refuses files past its own limit while it streams them.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
@MultipartConfig
public class PortalServlet extends CdiVaadinServlet {}
