package org.cove.portal.internal;

import com.vaadin.flow.component.html.Paragraph;

/**
 * Where a payment stands, in words and in {@code data-state} (sending, pending, confirmed, failed,
 * refused), which the browser tests wait on.
 */
class PaymentStatus extends Paragraph {

  PaymentStatus(String id) {
    setId(id);
  }

  void sending(String text) {
    show("sending", text);
  }

  /** The chain has not confirmed the payment yet; the provider says how far it got. */
  void pending(String detail) {
    show("pending", "Payment sent, waiting for the chain: " + detail);
  }

  void confirmed(String text) {
    show("confirmed", text);
  }

  /** The payment was not sent (the wallet declined, or the demo account could not pay). */
  void notPaid(String error) {
    show("failed", "Not paid: " + error);
  }

  void failed(String text) {
    show("failed", text);
  }

  void refused(String detail) {
    show("refused", "Refused: " + detail);
  }

  private void show(String state, String text) {
    getElement().setAttribute("data-state", state);
    setText(text);
  }
}
