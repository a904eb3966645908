package org.cove.portal.internal;

import static org.cove.shared.Jsons.JSON;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.ConsumerParameter.Option;

/**
 * The form for an algorithm's consumer parameters, one field per parameter of its type, defaults
 * filled and required ones marked. Its values become {@code algoCustomData}; the provider checks
 * them against the algorithm.
 */
class ParameterForm extends FormLayout {

  private final Map<ConsumerParameter, HasValue<?, ?>> fields = new LinkedHashMap<>();

  ParameterForm() {
    setId("compute-parameters");
  }

  void show(List<ConsumerParameter> parameters) {
    removeAll();
    fields.clear();
    for (ConsumerParameter parameter : parameters) {
      AbstractField<?, ?> field = field(parameter);
      field.setId("param-" + parameter.name());
      field.setRequiredIndicatorVisible(parameter.required());
      if (field instanceof com.vaadin.flow.component.shared.HasTooltip tooltip) {
        tooltip.setTooltipText(parameter.description());
      }
      fields.put(parameter, field);
      add(field);
    }
  }

  /** The parameters set, by name; empty fields are left out. */
  JsonObject values() {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    fields.forEach(
        (parameter, field) -> {
          Object value = field.getValue();
          if (value instanceof Double number) {
            json.add(parameter.name(), number(number));
          } else if (value instanceof Boolean flag) {
            json.add(parameter.name(), flag);
          } else if (value instanceof Option option) {
            json.add(parameter.name(), option.value());
          } else if (value instanceof String text && !text.isEmpty()) {
            json.add(parameter.name(), text);
          }
        });
    return json.build();
  }

  private static AbstractField<?, ?> field(ConsumerParameter parameter) {
    String label = parameter.label().isBlank() ? parameter.name() : parameter.label();
    String fallback = parameter.defaultValue().orElse("");
    return switch (parameter.type()) {
      case NUMBER -> {
        NumberField number = new NumberField(label);
        number.setHelperText(parameter.description());
        number.setValue(parseNumber(fallback));
        yield number;
      }
      case BOOLEAN -> new Checkbox(label, Boolean.parseBoolean(fallback));
      case SELECT -> {
        Select<Option> select = new Select<>();
        select.setLabel(label);
        select.setHelperText(parameter.description());
        select.setItems(parameter.options());
        select.setItemLabelGenerator(o -> o.label().isBlank() ? o.value() : o.label());
        parameter.options().stream()
            .filter(o -> Objects.equals(o.value(), fallback))
            .findFirst()
            .ifPresent(select::setValue);
        yield select;
      }
      case TEXT -> {
        TextField text = new TextField(label, fallback, "");
        text.setHelperText(parameter.description());
        yield text;
      }
    };
  }

  private static Double parseNumber(String text) {
    try {
      return text.isBlank() ? null : Double.valueOf(text.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** 4.0 is sent as 4, so algorithms that expect an integer get one. */
  private static BigDecimal number(Double value) {
    BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
  }
}
