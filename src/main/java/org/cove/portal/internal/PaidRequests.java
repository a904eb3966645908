package org.cove.portal.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cove.provider.ComputeRequest;
import org.cove.provider.PaymentQuote;

/** A compute request with the transactions that paid its priced items named. */
final class PaidRequests {

  private PaidRequests() {}

  static ComputeRequest with(ComputeRequest r, List<PaymentQuote> quotes, List<String> hashes) {
    Map<String, String> byItem = new HashMap<>();
    for (int i = 0; i < quotes.size() && i < hashes.size(); i++) {
      byItem.put(quotes.get(i).item(), hashes.get(i));
    }
    List<ComputeRequest.DatasetRef> datasets =
        r.datasets().stream()
            .map(
                d ->
                    new ComputeRequest.DatasetRef(
                        d.did(),
                        d.serviceId(),
                        Optional.ofNullable(
                            byItem.get(PaymentQuote.serviceItem(d.did(), d.serviceId())))))
            .toList();
    ComputeRequest.AlgorithmRef a = r.algorithm();
    Optional<String> algorithmTx =
        a.did()
            .flatMap(
                did ->
                    byItem.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(did.value() + "/"))
                        .map(Map.Entry::getValue)
                        .findFirst());
    return new ComputeRequest(
        r.consumer(),
        datasets,
        new ComputeRequest.AlgorithmRef(a.did(), a.serviceId(), a.raw(), algorithmTx),
        r.environment(),
        r.resources(),
        r.maxJobDuration(),
        r.algoCustomData(),
        r.additionalViewers(),
        r.free(),
        r.publishOutput(),
        Optional.ofNullable(byItem.get(PaymentQuote.environmentItem(r.environment()))));
  }
}
