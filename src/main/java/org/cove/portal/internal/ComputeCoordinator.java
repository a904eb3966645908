package org.cove.portal.internal;

import java.util.List;
import org.cove.operator.Job;
import org.cove.provider.Compute;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.PaymentQuote;
import org.cove.shared.CoveException;

/**
 * Answers the compute form for the view that holds it: "Check" quotes the request; "Run" starts a
 * free job at once, or quotes a priced one, has the payments sent, then starts the job once the
 * chain has confirmed them, and opens it. The provider decides everything; the form shows what it
 * answered.
 */
final class ComputeCoordinator {

  private final Compute compute;
  private final PaymentSender payments;
  private final ComputeForm form;

  ComputeCoordinator(Compute compute, PaymentSender payments, ComputeForm form) {
    this.compute = compute;
    this.payments = payments;
    this.form = form;
  }

  void check(ComputeRequest request) {
    refusable(() -> form.showCheck(compute.initialize(request)));
  }

  void run(ComputeRequest request) {
    refusable(
        () -> {
          ComputeQuote quote = compute.initialize(request);
          if (quote.payments().isEmpty()) {
            open(compute.start(request));
            return;
          }
          form.showQuote(quote);
          pay(request, quote.payments());
        });
  }

  private void pay(ComputeRequest request, List<PaymentQuote> quotes) {
    form.paying(payments.sending(quotes.size()));
    payments.send(
        form,
        quotes,
        hashes -> startPaid(PaidRequests.with(request, quotes, hashes)),
        form::notPaid);
  }

  private void startPaid(ComputeRequest paid) {
    ChainConfirmation.await(
        form,
        () -> compute.start(paid),
        job -> {
          form.paymentConfirmed();
          open(job);
        },
        form::paymentPending,
        e -> form.paymentRefused(e.detail()));
  }

  private void open(Job job) {
    form.getUI().ifPresent(ui -> ui.navigate("jobs/" + job.id().value()));
  }

  /** Runs a provider call; its refusal (a 4xx) goes to the form, as worded. */
  private void refusable(Runnable call) {
    try {
      call.run();
    } catch (CoveException e) {
      if (e.type().status() >= 500) {
        throw e;
      }
      form.refuse(e.detail());
    }
  }
}
