package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.identity.Principal;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.Job;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.Asset;
import org.cove.provider.Compute;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ComputeRequest.AlgorithmRef;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.DemoPayments;
import org.cove.provider.PaymentQuote;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.provider.Service;
import org.cove.shared.CoveException;

/**
 * "Run compute" on a dataset's page: the algorithm (one the consumer may run here, or pasted code
 * where the dataset accepts it), the environment and resources, the longest run, the algorithm's
 * parameters; "Check" shows what the provider would accept and charge, "Run" starts the job and
 * opens it. The provider decides everything; its refusals are shown here as it words them.
 */
class ComputeForm extends VerticalLayout {

  private static final String PUBLISHED = "A published algorithm";
  private static final String RAW = "My own code";

  private final Compute compute;
  private final DemoPayments demoPayments;
  private final Asset dataset;
  private final Service service;
  private final Principal me;
  private final RadioButtonGroup<String> source = new RadioButtonGroup<>("Run");
  private final ComboBox<Asset> algorithm = new ComboBox<>("Algorithm");
  private final RawAlgorithmFields raw = new RawAlgorithmFields();
  private final ComboBox<ComputeEnvironment> environment = new ComboBox<>("Environment");
  private final Checkbox free = new Checkbox("Use the free tier");
  private final ResourceFields resources = new ResourceFields();
  private final IntegerField maxDuration = new IntegerField("Longest run (seconds)");
  private final ParameterForm parameters = new ParameterForm();
  private final QuoteText quote = new QuoteText();
  private final Paragraph payment = new Paragraph();
  private final Button run = new Button("Run", click -> run());

  /** How often and how long to ask again while the chain confirms a payment. */
  private static final int PENDING_RETRY_MILLIS = 2000;

  private static final int PENDING_ATTEMPTS = 150;

  ComputeForm(
      Compute compute,
      DemoPayments demoPayments,
      List<ComputeEnvironment> environments,
      Asset dataset,
      Service service,
      Principal me) {
    this.compute = compute;
    this.demoPayments = demoPayments;
    this.dataset = dataset;
    this.service = service;
    this.me = me;
    setPadding(false);
    setId("compute-form");
    List<Asset> runnable = compute.runnableAlgorithms(me, dataset.did(), service.id());
    boolean rawAllowed = service.compute().map(ComputeOptions::allowRawAlgorithm).orElse(false);
    add(new H3("Run compute"));
    if (runnable.isEmpty() && !rawAllowed) {
      Paragraph none =
          new Paragraph("No algorithm may run here for you yet: ask the publisher to allow one.");
      none.setId("compute-none");
      add(none);
      return;
    }
    configureAlgorithm(runnable, rawAllowed);
    configureEnvironment(environments);
    payment.setId("pay-status");
    add(resources, maxDuration, parameters, actions(), quote, payment);
  }

  private void configureAlgorithm(List<Asset> runnable, boolean rawAllowed) {
    algorithm.setId("compute-algorithm");
    algorithm.setWidth("28em");
    algorithm.setItems(runnable);
    algorithm.setItemLabelGenerator(a -> a.metadata().name() + " · " + a.publisher().value());
    algorithm.addValueChangeListener(change -> showParameters());
    raw.setVisible(false);
    if (rawAllowed) {
      source.setId("compute-source");
      source.setItems(PUBLISHED, RAW);
      source.setValue(runnable.isEmpty() ? RAW : PUBLISHED);
      source.addValueChangeListener(change -> showSource());
      add(source);
    }
    add(algorithm, raw);
    showSource();
  }

  private void configureEnvironment(List<ComputeEnvironment> environments) {
    environment.setId("compute-environment");
    environment.setWidth("28em");
    environment.setItems(environments);
    environment.setItemLabelGenerator(
        e -> e.id() + (e.description().isBlank() ? "" : " — " + e.description()));
    free.setId("compute-free");
    maxDuration.setId("compute-max-duration");
    environment.addValueChangeListener(change -> chooseEnvironment());
    free.addValueChangeListener(change -> showLimits());
    add(new HorizontalLayout(environment, free));
    // A free environment first, when there is one: paying is a choice, never the default.
    environments.stream()
        .filter(e -> e.costsNothing() || e.free().isPresent())
        .findFirst()
        .or(() -> environments.stream().findFirst())
        .ifPresent(environment::setValue);
  }

  private void showSource() {
    boolean isRaw = RAW.equals(source.getValue());
    algorithm.setVisible(!isRaw);
    raw.setVisible(isRaw);
    showParameters();
  }

  private void showParameters() {
    boolean isRaw = RAW.equals(source.getValue());
    parameters.show(
        isRaw || algorithm.getValue() == null
            ? List.of()
            : algorithm
                .getValue()
                .metadata()
                .algorithm()
                .map(AlgorithmMetadata::consumerParameters)
                .orElse(List.of()));
  }

  /** Offers the free tier where there is one, and takes it where paying is the other choice. */
  private void chooseEnvironment() {
    ComputeEnvironment chosen = environment.getValue();
    boolean hasFreeTier = chosen != null && chosen.free().isPresent();
    free.setVisible(hasFreeTier);
    free.setValue(hasFreeTier && !chosen.costsNothing());
    showLimits();
  }

  private void showLimits() {
    ComputeEnvironment chosen = environment.getValue();
    resources.show(chosen, isFree());
    if (chosen != null) {
      maxDuration.setMin((int) Math.min(Integer.MAX_VALUE, chosen.minDuration(isFree())));
      maxDuration.setMax((int) Math.min(Integer.MAX_VALUE, chosen.maxDuration(isFree())));
      maxDuration.setHelperText(
          "at most "
              + JobText.duration(java.time.Duration.ofSeconds(chosen.maxDuration(isFree()))));
    }
    quote.clear();
  }

  private boolean isFree() {
    return free.isVisible() && free.getValue();
  }

  private HorizontalLayout actions() {
    Button check = new Button("Check", click -> check());
    check.setId("compute-check");
    run.setId("compute-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return new HorizontalLayout(check, run);
  }

  private void check() {
    request()
        .ifPresent(
            r ->
                refusable(
                    () -> {
                      ComputeQuote q = compute.initialize(r);
                      quote.show(q);
                      run.setText(q.payments().isEmpty() ? "Run" : "Pay and run");
                    }));
  }

  /**
   * Runs a free job at once; for a priced one, quotes it, has the wallet send the payments, then
   * starts the job once the chain has confirmed them (asking again while they are pending).
   */
  private void run() {
    request()
        .ifPresent(
            r ->
                refusable(
                    () -> {
                      ComputeQuote q = compute.initialize(r);
                      if (q.payments().isEmpty()) {
                        open(compute.start(r));
                        return;
                      }
                      quote.show(q);
                      pay(r, q.payments());
                    }));
  }

  private void pay(ComputeRequest request, List<PaymentQuote> payments) {
    run.setEnabled(false);
    showPayment("sending", PaymentSender.sending(demoPayments, me, payments.size()));
    PaymentSender.send(
        this,
        demoPayments,
        me,
        payments,
        hashes -> startPaid(PaidRequests.with(request, payments, hashes), 1),
        error -> {
          run.setEnabled(true);
          showPayment("failed", "Not paid: " + error);
        });
  }

  private void startPaid(ComputeRequest paid, int attempt) {
    try {
      Job job = compute.start(paid);
      showPayment("confirmed", "Payments confirmed: the job starts.");
      open(job);
    } catch (PaymentRefusal e) {
      if (e.reason() == PaymentReason.PAYMENT_PENDING && attempt < PENDING_ATTEMPTS) {
        showPayment("pending", "Payment sent, waiting for the chain: " + e.detail());
        WalletPayments.later(this, PENDING_RETRY_MILLIS, () -> startPaid(paid, attempt + 1));
        return;
      }
      run.setEnabled(true);
      showPayment("refused", "Refused: " + e.detail());
    } catch (CoveException e) {
      run.setEnabled(true);
      showPayment("refused", "Refused: " + e.detail());
    }
  }

  private void showPayment(String state, String text) {
    payment.getElement().setAttribute("data-state", state);
    payment.setText(text);
  }

  private void open(Job job) {
    getUI().ifPresent(ui -> ui.navigate("jobs/" + job.id().value()));
  }

  /** The request as the form says it, or nothing (and a hint) when a choice is missing. */
  private Optional<ComputeRequest> request() {
    boolean isRaw = RAW.equals(source.getValue());
    if (!isRaw && algorithm.getValue() == null) {
      quote.refuse("Choose an algorithm first.");
      return Optional.empty();
    }
    if (environment.getValue() == null) {
      quote.refuse("Choose an environment first.");
      return Optional.empty();
    }
    AlgorithmRef ref =
        isRaw
            ? new AlgorithmRef(Optional.empty(), Optional.empty(), Optional.of(raw.value()))
            : AlgorithmRef.published(algorithm.getValue().did());
    return Optional.of(
        new ComputeRequest(
            me.address(),
            List.of(new DatasetRef(dataset.did(), service.id())),
            ref,
            environment.getValue().id(),
            resources.amounts(),
            Optional.ofNullable(maxDuration.getValue()).map(Integer::longValue),
            parameters.values(),
            Set.of(),
            isFree(),
            false));
  }

  /** Runs a provider call; its refusal (a 4xx) is shown next to the buttons, as worded. */
  private void refusable(Runnable call) {
    try {
      call.run();
    } catch (CoveException e) {
      if (e.type().status() >= 500) {
        throw e;
      }
      quote.refuse(e.detail());
    }
  }
}
