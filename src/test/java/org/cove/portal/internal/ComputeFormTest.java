package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cove.identity.Principal;
import org.cove.identity.Role;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.provider.Asset;
import org.cove.provider.Assets;
import org.cove.provider.Compute;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.DemoPayments;
import org.cove.provider.PaymentQuote;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.shared.Address;
import org.cove.shared.CoveException;
import org.cove.shared.Did;
import org.cove.shared.ForbiddenException;
import org.cove.shared.ProblemType;
import org.junit.jupiter.api.Test;

/** The compute form fires what it says; the coordinator has the provider answer it. */
class ComputeFormTest {

  private final Asset dataset = Assets.dataset().build();
  private final Asset algorithm = Assets.algorithm().build();
  private final FakeCompute compute = new FakeCompute();
  private final FakeDemoPayments demoPayments = new FakeDemoPayments();
  private final ComputeForm form =
      new ComputeForm(
          dataset,
          dataset.services().get(0),
          Assets.CONSUMER,
          List.of(algorithm),
          List.of(environment()));
  private final List<ComputeRequest> checked = new ArrayList<>();

  ComputeFormTest() {
    ComputeCoordinator coordinator =
        new ComputeCoordinator(
            compute,
            new PaymentSender(demoPayments, new Principal(Assets.CONSUMER, Set.of(Role.CONSUMER))),
            form);
    form.addCheckListener(
        check -> {
          checked.add(check.request());
          coordinator.check(check.request());
        });
    form.addRunListener(run -> coordinator.run(run.request()));
  }

  @Test
  void without_an_algorithm_the_form_asks_for_one_and_fires_nothing() {
    click("compute-check");

    assertThat(text("compute-quote")).isEqualTo("Refused: Choose an algorithm first.");
    assertThat(checked).isEmpty();
  }

  @Test
  void check_fires_the_request_the_form_says_and_shows_the_quote() {
    chooseAlgorithm();
    compute.quote = request -> quote(List.of());

    click("compute-check");

    assertThat(checked).hasSize(1);
    ComputeRequest request = checked.get(0);
    assertThat(request.consumer()).isEqualTo(Assets.CONSUMER);
    assertThat(request.datasets())
        .containsExactly(new ComputeRequest.DatasetRef(dataset.did(), Assets.COMPUTE));
    assertThat(request.algorithm().did()).contains(algorithm.did());
    assertThat(request.environment()).isEqualTo("local");
    assertThat(request.resources()).containsExactly(new JobSpec.ResourceAmount("cpu", 1));
    assertThat(text("compute-quote")).startsWith("Accepted: cpu 1");
    assertThat(button("compute-run").getText()).isEqualTo("Run");
  }

  @Test
  void a_priced_quote_makes_run_pay_and_run() {
    chooseAlgorithm();
    compute.quote = request -> quote(List.of(payment()));

    click("compute-check");

    assertThat(button("compute-run").getText()).isEqualTo("Pay and run");
  }

  @Test
  void the_providers_refusal_is_shown_as_it_words_it() {
    chooseAlgorithm();
    compute.quote =
        request -> {
          throw new ForbiddenException("this algorithm may not run here");
        };

    click("compute-check");

    assertThat(text("compute-quote")).isEqualTo("Refused: this algorithm may not run here");
  }

  @Test
  void a_server_error_is_not_shown_as_a_refusal() {
    chooseAlgorithm();
    compute.quote =
        request -> {
          throw new CoveException(ProblemType.UNAVAILABLE, "the chain node is away");
        };

    assertThatThrownBy(() -> click("compute-check")).hasMessage("the chain node is away");
    assertThat(text("compute-quote")).isEmpty();
  }

  @Test
  void a_paid_run_waits_while_the_chain_has_not_confirmed_the_payment() {
    chooseAlgorithm();
    compute.quote = request -> quote(List.of(payment()));
    compute.start =
        paid -> {
          assertThat(paid.datasets().get(0).transferTxId()).contains("0xpaid");
          throw new PaymentRefusal(PaymentReason.PAYMENT_PENDING, "item", "0 confirmations");
        };

    click("compute-run");

    assertThat(demoPayments.paid).hasSize(1);
    assertThat(state("pay-status")).isEqualTo("pending");
    assertThat(text("pay-status")).startsWith("Payment sent, waiting for the chain: ");
    assertThat(button("compute-run").isEnabled()).isFalse();
  }

  @Test
  void a_refused_payment_gives_run_back() {
    chooseAlgorithm();
    compute.quote = request -> quote(List.of(payment()));
    compute.start =
        paid -> {
          throw new PaymentRefusal(PaymentReason.PAYMENT_NOT_FOUND, "item", "no such transaction");
        };

    click("compute-run");

    assertThat(state("pay-status")).isEqualTo("refused");
    assertThat(button("compute-run").isEnabled()).isTrue();
  }

  @Test
  void a_payment_the_demo_account_cannot_send_gives_run_back() {
    chooseAlgorithm();
    compute.quote = request -> quote(List.of(payment()));
    demoPayments.failure = new ForbiddenException("not a demo account");

    click("compute-run");

    assertThat(state("pay-status")).isEqualTo("failed");
    assertThat(text("pay-status")).isEqualTo("Not paid: not a demo account");
    assertThat(button("compute-run").isEnabled()).isTrue();
    assertThat(compute.started).isEmpty();
  }

  @Test
  void with_nothing_it_may_run_the_form_says_so() {
    ComputeForm none =
        new ComputeForm(
            dataset, dataset.services().get(0), Assets.CONSUMER, List.of(), List.of(environment()));

    assertThat(Components.byId(none, "compute-none", Paragraph.class).getText())
        .startsWith("No algorithm may run here for you yet");
  }

  @SuppressWarnings("unchecked")
  private void chooseAlgorithm() {
    Components.byId(form, "compute-algorithm", ComboBox.class).setValue(algorithm);
  }

  private void click(String id) {
    button(id).click();
  }

  private Button button(String id) {
    return Components.byId(form, id, Button.class);
  }

  private String text(String id) {
    return Components.byId(form, id, Paragraph.class).getText();
  }

  private String state(String id) {
    return Components.byId(form, id, Paragraph.class).getElement().getAttribute("data-state");
  }

  private static ComputeEnvironment environment() {
    return new ComputeEnvironment(
        "local",
        "this machine",
        "x86_64",
        "linux",
        List.of(new ComputeEnvironment.Resource("cpu", "cores", 2, 1, 2)),
        1,
        3600,
        2,
        86400,
        false,
        Optional.empty(),
        Optional.empty());
  }

  private ComputeQuote quote(List<PaymentQuote> payments) {
    return new ComputeQuote(
        environment(),
        List.of(new JobSpec.ResourceAmount("cpu", 1)),
        600,
        BigDecimal.ZERO,
        Optional.empty(),
        8996,
        Instant.parse("2025-11-03T10:00:00Z"),
        false,
        payments);
  }

  private PaymentQuote payment() {
    return new PaymentQuote(
        PaymentQuote.serviceItem(dataset.did(), Assets.COMPUTE),
        Assets.DATASET_PUBLISHER,
        Optional.empty(),
        8996,
        new BigDecimal("0.5"),
        new BigInteger("500000000000000000"),
        Instant.parse("2025-11-03T10:00:00Z"));
  }

  private static final class FakeCompute implements Compute {
    Function<ComputeRequest, ComputeQuote> quote;
    Function<ComputeRequest, Job> start;
    final List<ComputeRequest> started = new ArrayList<>();

    @Override
    public ComputeQuote initialize(ComputeRequest request) {
      return quote.apply(request);
    }

    @Override
    public Job start(ComputeRequest request) {
      started.add(request);
      return start.apply(request);
    }

    @Override
    public List<Asset> runnableAlgorithms(Principal consumer, Did dataset, String serviceId) {
      throw new UnsupportedOperationException("the view asks, not the form");
    }

    @Override
    public Asset publishOutput(Principal owner, JobId job, String title) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class FakeDemoPayments implements DemoPayments {
    final List<List<PaymentQuote>> paid = new ArrayList<>();
    CoveException failure;

    @Override
    public boolean available(Address payer) {
      return true;
    }

    @Override
    public List<String> pay(Address payer, List<PaymentQuote> quotes) {
      if (failure != null) {
        throw failure;
      }
      paid.add(quotes);
      return List.of("0xpaid");
    }
  }
}
