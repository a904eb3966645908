package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.cove.provider.PaymentQuote;

/**
 * Payment quotes as JSON: amounts as decimal strings (exact), the smallest units as integer
 * strings, the token as its address or {@code native}, validUntil in epoch seconds.
 */
final class PaymentJson {

  private PaymentJson() {}

  static JsonObject write(PaymentQuote quote) {
    return JSON.createObjectBuilder()
        .add("item", quote.item())
        .add("payee", quote.payee().value())
        .add("token", quote.token().orElse("native"))
        .add("chainId", quote.chainId())
        .add("amount", quote.amount().toPlainString())
        .add("units", quote.units().toString())
        .add("validUntil", quote.validUntil().getEpochSecond())
        .build();
  }

  static JsonArray write(List<PaymentQuote> quotes) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    quotes.forEach(q -> list.add(write(q)));
    return list.build();
  }

  static Optional<JsonObject> find(List<PaymentQuote> quotes, String item) {
    return quotes.stream().filter(q -> q.item().equals(item)).findFirst().map(PaymentJson::write);
  }
}
