package org.cove.provider;

import java.util.Locale;

/** Why a payment was not accepted; the codes are stable and named in problem responses. */
public enum PaymentReason {
  PAYMENT_REQUIRED("the item has a price: ask for a quote, pay it, and name the transaction"),
  PAYMENT_NOT_FOUND("no payment by this account was found under that transaction"),
  PAYMENT_PENDING("the payment is not confirmed yet"),
  PAYMENT_INSUFFICIENT("the transaction paid less than the quote asks"),
  PAYMENT_WRONG_PAYEE("the transaction paid someone else"),
  PAYMENT_REUSED("the transaction has already paid for something"),
  PAYMENT_EXPIRED("the transaction was not mined while a quote for the item was valid"),
  PAYMENT_WRONG_CHAIN("the payment is not on the chain the quote names");

  private final String explanation;

  PaymentReason(String explanation) {
    this.explanation = explanation;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String explanation() {
    return explanation;
  }
}
