package org.cove.portal.internal;

import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import org.cove.provider.ComputeQuote;

/** What the provider answered to "Check": what the job would get and cost, or why not. */
class QuoteText extends Paragraph {

  QuoteText() {
    setId("compute-quote");
  }

  void show(ComputeQuote quote) {
    removeClassName("cove-errors");
    getElement().setAttribute("data-outcome", "accepted");
    setText(describe(quote));
  }

  void refuse(String detail) {
    addClassName("cove-errors");
    getElement().setAttribute("data-outcome", "refused");
    setText("Refused: " + detail);
  }

  void clear() {
    removeClassName("cove-errors");
    getElement().removeAttribute("data-outcome");
    setText("");
  }

  static String describe(ComputeQuote quote) {
    return "Accepted: "
        + JobText.resources(quote.resources())
        + " for at most "
        + JobText.duration(Duration.ofSeconds(quote.maxJobDuration()))
        + ", costs "
        + cost(quote)
        + (quote.allowNetwork() ? ", with network access" : ", without network access")
        + ". The quote holds until "
        + JobText.TIME.format(quote.validUntil())
        + " UTC."
        + payments(quote);
  }

  private static String payments(ComputeQuote quote) {
    if (quote.payments().isEmpty()) {
      return "";
    }
    return " To pay, one transaction each: "
        + String.join("; ", quote.payments().stream().map(PriceText::of).toList())
        + ".";
  }

  private static String cost(ComputeQuote quote) {
    if (!quote.payments().isEmpty()) {
      return "a price (below)";
    }
    return quote.cost().signum() == 0
        ? "nothing"
        : quote.cost().toPlainString() + " " + PriceText.token(quote.token());
  }
}
