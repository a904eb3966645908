package org.cove.portal.internal;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import com.vaadin.flow.shared.Registration;
import org.cove.provider.Asset;

/**
 * A consumer picks an algorithm and says why they need it; "Request approval" fires a {@link
 * RequestEvent} for the view to ask the publisher.
 */
class ApprovalRequestForm extends VerticalLayout {

  private final AlgorithmPicker algorithm;
  private final TextField justification = new TextField("Why you need it");

  ApprovalRequestForm(FetchCallback<Asset, String> algorithms) {
    algorithm = new AlgorithmPicker("Algorithm", "approval-algorithm", algorithms);
    justification.setId("approval-justification");
    justification.setWidth("28em");
    Button request = new Button("Request approval", click -> request());
    request.setId("request-approval");
    request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    setPadding(false);
    add(
        new H3("Run your algorithm here"),
        new Paragraph("The publisher reviews the algorithm's code before it may run on this data."),
        algorithm,
        justification,
        request);
  }

  /** The algorithm to allow on the dataset, and the consumer's reason. */
  static final class RequestEvent extends ComponentEvent<ApprovalRequestForm> {
    private final Asset algorithm;
    private final String justification;

    RequestEvent(ApprovalRequestForm source, Asset algorithm, String justification) {
      super(source, false);
      this.algorithm = algorithm;
      this.justification = justification;
    }

    Asset algorithm() {
      return algorithm;
    }

    String justification() {
      return justification;
    }
  }

  Registration addRequestListener(ComponentEventListener<RequestEvent> listener) {
    return addListener(RequestEvent.class, listener);
  }

  private void request() {
    if (algorithm.getValue() == null) {
      Notices.error("Choose an algorithm first.");
      return;
    }
    fireEvent(new RequestEvent(this, algorithm.getValue(), justification.getValue()));
  }
}
