package org.cove.portal.internal;

import java.util.Optional;
import org.cove.provider.PaymentQuote;
import org.cove.provider.Price;

/** Prices in words: the exact decimal amount, the token (or the native coin) and the chain. */
final class PriceText {

  private PriceText() {}

  static String of(Price price) {
    if (price.isFree()) {
      return "free";
    }
    return price.amount().toPlainString()
        + " "
        + token(price.token())
        + price.chainId().map(c -> " on chain " + c).orElse("");
  }

  static String of(PaymentQuote quote) {
    return quote.amount().toPlainString()
        + " "
        + token(quote.token())
        + " to "
        + quote.payee().value()
        + " for "
        + what(quote.item());
  }

  static String token(Optional<String> token) {
    return token.map(t -> "of token " + t).orElse("native coin");
  }

  private static String what(String item) {
    return item.startsWith("environment/")
        ? "the environment " + item.substring("environment/".length())
        : "“"
            + item.substring(item.lastIndexOf('/') + 1)
            + "” of "
            + item.substring(0, item.lastIndexOf('/'));
  }
}
