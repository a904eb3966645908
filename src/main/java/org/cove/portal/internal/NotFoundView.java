package org.cove.portal.internal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletResponse;

/** A plain page for unknown addresses, instead of Vaadin's list of every route. */
@Dependent
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  public NotFoundView() {
    add(new H2("Page not found"), new Paragraph(new Anchor("", "Back to Cove")));
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
