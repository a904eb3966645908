package org.cove.portal.internal;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.ComputeEnvironment.Resource;
import org.cove.operator.JobSpec;

/**
 * How much of each resource of an environment a job asks for: one number field per resource,
 * bounded by the environment's per-job limits (the free tier's for free jobs), starting at the
 * minimum.
 */
class ResourceFields extends FormLayout {

  private final List<NumberField> fields = new ArrayList<>();
  private final List<Resource> shown = new ArrayList<>();

  ResourceFields() {
    setId("compute-resources");
  }

  void show(ComputeEnvironment environment, boolean free) {
    removeAll();
    fields.clear();
    shown.clear();
    if (environment == null) {
      return;
    }
    for (Resource resource : limits(environment, free)) {
      NumberField field = new NumberField(label(resource));
      field.setId("compute-resource-" + resource.id());
      field.setMin(resource.min());
      field.setMax(resource.max());
      field.setValue(resource.min());
      field.setHelperText(
          "from " + JobText.number(resource.min()) + " to " + JobText.number(resource.max()));
      field.setStepButtonsVisible(true);
      fields.add(field);
      shown.add(resource);
      add(field);
    }
  }

  List<JobSpec.ResourceAmount> amounts() {
    List<JobSpec.ResourceAmount> amounts = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Double value = fields.get(i).getValue();
      if (value != null) {
        amounts.add(new JobSpec.ResourceAmount(shown.get(i).id(), value));
      }
    }
    return amounts;
  }

  private static List<Resource> limits(ComputeEnvironment environment, boolean free) {
    return free && environment.free().isPresent() && !environment.free().get().resources().isEmpty()
        ? environment.free().get().resources()
        : environment.resources();
  }

  private static String label(Resource resource) {
    return resource.description().isBlank()
        ? resource.id()
        : resource.id() + " (" + resource.description() + ")";
  }
}
