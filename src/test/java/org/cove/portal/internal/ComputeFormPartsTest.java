package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.ComputeEnvironment.Resource;
import org.cove.operator.JobSpec;
import org.cove.provider.ComputeQuote;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.ConsumerParameter.Option;
import org.cove.provider.ConsumerParameter.Type;
import org.junit.jupiter.api.Test;

class ComputeFormPartsTest {

  @Test
  void every_parameter_type_gets_its_field_with_the_default_filled_and_required_marked() {
    ParameterForm form = new ParameterForm();

    form.show(
        List.of(
            parameter("precision", Type.NUMBER, true, "4", List.of()),
            parameter("label", Type.TEXT, false, "mean", List.of()),
            parameter("verbose", Type.BOOLEAN, false, "true", List.of()),
            parameter(
                "unit",
                Type.SELECT,
                false,
                "c",
                List.of(new Option("c", "Celsius"), new Option("f", "Fahrenheit")))));

    List<?> fields = form.getChildren().toList();
    assertThat(fields).hasSize(4);
    assertThat(fields.get(0)).isInstanceOf(NumberField.class);
    assertThat(((NumberField) fields.get(0)).isRequiredIndicatorVisible()).isTrue();
    assertThat(fields.get(1)).isInstanceOf(TextField.class);
    assertThat(((TextField) fields.get(1)).isRequiredIndicatorVisible()).isFalse();
    assertThat(fields.get(2)).isInstanceOf(Checkbox.class);
    assertThat(fields.get(3)).isInstanceOf(Select.class);
    assertThat(form.values().toString())
        .isEqualTo("{\"precision\":4,\"label\":\"mean\",\"verbose\":true,\"unit\":\"c\"}");
  }

  @Test
  void empty_optional_parameters_are_left_out_and_fractions_kept() {
    ParameterForm form = new ParameterForm();
    form.show(
        List.of(
            parameter("threshold", Type.NUMBER, false, "0.25", List.of()),
            parameter("note", Type.TEXT, false, null, List.of()),
            parameter("unit", Type.SELECT, false, null, List.of(new Option("c", "")))));

    assertThat(form.values().toString()).isEqualTo("{\"threshold\":0.25}");
  }

  @Test
  void resource_fields_are_bounded_by_the_free_tier_for_free_jobs() {
    ComputeEnvironment environment =
        new ComputeEnvironment(
            "local",
            "this machine",
            "x86_64",
            "linux",
            List.of(new Resource("cpu", "cores", 2, 1, 2), new Resource("ram", "GB", 8, 1, 4)),
            1,
            3600,
            2,
            86400,
            false,
            Optional.empty(),
            Optional.of(
                new ComputeEnvironment.FreeTier(
                    60, 1, 1, List.of(new Resource("cpu", "cores", 1, 1, 1)))));
    ResourceFields fields = new ResourceFields();

    fields.show(environment, true);
    assertThat(fields.getChildren().map(c -> ((NumberField) c).getMax()).toList())
        .containsExactly(1.0);

    fields.show(environment, false);
    List<NumberField> paid = fields.getChildren().map(c -> (NumberField) c).toList();
    assertThat(paid).extracting(NumberField::getMax).containsExactly(2.0, 4.0);
    paid.get(1).setValue(3.0);
    assertThat(fields.amounts())
        .containsExactly(
            new JobSpec.ResourceAmount("cpu", 1), new JobSpec.ResourceAmount("ram", 3));
  }

  @Test
  void a_quote_says_what_the_job_gets_and_costs() {
    ComputeQuote quote =
        new ComputeQuote(
            null,
            List.of(new JobSpec.ResourceAmount("cpu", 1)),
            600,
            BigDecimal.ZERO,
            Optional.empty(),
            8996,
            Instant.parse("2025-11-03T10:00:00Z"),
            false,
            List.of());

    assertThat(QuoteText.describe(quote))
        .isEqualTo(
            "Accepted: cpu 1 for at most 10 min 00 s, costs nothing, without network access."
                + " The quote holds until 2025-11-03 10:00:00 UTC.");
  }

  private static ConsumerParameter parameter(
      String name, Type type, boolean required, String fallback, List<Option> options) {
    return new ConsumerParameter(
        name, type, name, required, "about " + name, Optional.ofNullable(fallback), options);
  }
}
