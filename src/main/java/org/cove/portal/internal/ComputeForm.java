package org.cove.portal.internal;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
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
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.Asset;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ComputeRequest;
import org.cove.provider.ComputeRequest.DatasetRef;
import org.cove.provider.Service;
import org.cove.shared.Address;

/**
 * "Run compute" on a dataset's page: the algorithm (one the consumer may run here, or pasted code
 * where the dataset accepts it), the environment and resources, the longest run, the algorithm's
 * parameters. "Check" and "Run" fire the request as a {@link CheckEvent} or {@link RunEvent}; the
 * view has the provider answer, and this form shows the answer (a quote, the provider's refusal as
 * it words it, where a payment stands).
 */
class ComputeForm extends VerticalLayout {

  private static final String PUBLISHED = "A published algorithm";
  private static final String RAW = "My own code";

  private final Address consumer;
  private final DatasetRef dataset;
  private final RadioButtonGroup<String> source = new RadioButtonGroup<>("Run");
  private final ComboBox<Asset> algorithm = new ComboBox<>("Algorithm");
  private final RawAlgorithmFields raw = new RawAlgorithmFields();
  private final ComboBox<ComputeEnvironment> environment = new ComboBox<>("Environment");
  private final Checkbox free = new Checkbox("Use the free tier");
  private final ResourceFields resources = new ResourceFields();
  private final IntegerField maxDuration = new IntegerField("Longest run (seconds)");
  private final ParameterForm parameters = new ParameterForm();
  private final QuoteText quote = new QuoteText();
  private final PaymentStatus payment = new PaymentStatus("pay-status");
  private final Button run = new Button("Run", click -> fire(RunEvent::new));

  /**
   * @param runnable the published algorithms the consumer may run on this service
   */
  ComputeForm(
      Asset dataset,
      Service service,
      Address consumer,
      List<Asset> runnable,
      List<ComputeEnvironment> environments) {
    this.consumer = consumer;
    this.dataset = new DatasetRef(dataset.did(), service.id());
    setPadding(false);
    setId("compute-form");
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
    add(resources, maxDuration, parameters, actions(), quote, payment);
  }

  /** The consumer asks what the provider would accept and charge. */
  static final class CheckEvent extends ComputeFormEvent {
    CheckEvent(ComputeForm source, ComputeRequest request) {
      super(source, request);
    }
  }

  /** The consumer asks to run the job (and to pay for it, where it is priced). */
  static final class RunEvent extends ComputeFormEvent {
    RunEvent(ComputeForm source, ComputeRequest request) {
      super(source, request);
    }
  }

  /** A request the form built from every choice it needs; nothing in it is paid for yet. */
  abstract static class ComputeFormEvent extends ComponentEvent<ComputeForm> {
    private final ComputeRequest request;

    ComputeFormEvent(ComputeForm source, ComputeRequest request) {
      super(source, false);
      this.request = request;
    }

    ComputeRequest request() {
      return request;
    }
  }

  Registration addCheckListener(ComponentEventListener<CheckEvent> listener) {
    return addListener(CheckEvent.class, listener);
  }

  Registration addRunListener(ComponentEventListener<RunEvent> listener) {
    return addListener(RunEvent.class, listener);
  }

  /** The provider's answer to "Check"; "Run" then says whether running means paying. */
  void showCheck(ComputeQuote answer) {
    quote.show(answer);
    run.setText(answer.payments().isEmpty() ? "Run" : "Pay and run");
  }

  /** The quote of a priced run whose payments are about to be sent. */
  void showQuote(ComputeQuote answer) {
    quote.show(answer);
  }

  /** The provider's refusal, next to the buttons, as it words it. */
  void refuse(String detail) {
    quote.refuse(detail);
  }

  /** The payments are being sent; "Run" waits until they are through or have failed. */
  void paying(String text) {
    run.setEnabled(false);
    payment.sending(text);
  }

  void paymentPending(String detail) {
    payment.pending(detail);
  }

  void paymentConfirmed() {
    payment.confirmed("Payments confirmed: the job starts.");
  }

  void notPaid(String error) {
    run.setEnabled(true);
    payment.notPaid(error);
  }

  void paymentRefused(String detail) {
    run.setEnabled(true);
    payment.refused(detail);
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

  private HorizontalLayout actions() {
    Button check = new Button("Check", click -> fire(CheckEvent::new));
    check.setId("compute-check");
    run.setId("compute-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return new HorizontalLayout(check, run);
  }

  private boolean isRaw() {
    return RAW.equals(source.getValue());
  }

  private void showSource() {
    algorithm.setVisible(!isRaw());
    raw.setVisible(isRaw());
    showParameters();
  }

  private void showParameters() {
    parameters.show(
        isRaw() || algorithm.getValue() == null
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
          "at most " + JobText.duration(Duration.ofSeconds(chosen.maxDuration(isFree()))));
    }
    quote.clear();
  }

  private boolean isFree() {
    return free.isVisible() && free.getValue();
  }

  /** Fires the request the form says, or shows the choice still missing. */
  private void fire(EventOf event) {
    ComputeChoices choices = choices();
    choices
        .missing()
        .ifPresentOrElse(
            quote::refuse, () -> fireEvent(event.of(this, choices.request(consumer, dataset))));
  }

  private ComputeChoices choices() {
    return new ComputeChoices(
        isRaw() ? Optional.empty() : Optional.ofNullable(algorithm.getValue()).map(Asset::did),
        isRaw() ? Optional.of(raw.value()) : Optional.empty(),
        Optional.ofNullable(environment.getValue()).map(ComputeEnvironment::id),
        resources.amounts(),
        Optional.ofNullable(maxDuration.getValue()).map(Integer::longValue),
        parameters.values(),
        isFree());
  }

  private interface EventOf {
    ComputeFormEvent of(ComputeForm source, ComputeRequest request);
  }
}
