package org.cove.portal.internal;

import static org.cove.shared.Jsons.JSON;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** One consumer parameter being edited on the publish form, written as Ocean's JSON. */
final class ParameterRow extends HorizontalLayout {
  private final TextField name = new TextField("Name");
  private final Select<String> type = new Select<>();
  private final TextField label = new TextField("Label");
  private final Checkbox required = new Checkbox("Required");
  private final TextField defaultValue = new TextField("Default");
  private final TextField options = new TextField("Options (value:label, …)");

  ParameterRow() {
    type.setLabel("Type");
    type.setItems("text", "number", "boolean", "select");
    type.setValue("text");
    setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    add(name, type, label, required, defaultValue, options);
  }

  JsonObject json() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("name", name.getValue())
            .add("type", type.getValue())
            .add("label", label.getValue())
            .add("required", required.getValue());
    if (!defaultValue.getValue().isBlank()) {
      json.add("default", defaultValue.getValue());
    }
    if ("select".equals(type.getValue())) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      for (String option : options.getValue().split(",")) {
        String[] parts = option.trim().split(":", 2);
        if (!parts[0].isBlank()) {
          list.add(
              JSON.createObjectBuilder()
                  .add(parts[0].trim(), parts.length > 1 ? parts[1].trim() : parts[0].trim()));
        }
      }
      json.add("options", list);
    }
    return json.build();
  }
}
