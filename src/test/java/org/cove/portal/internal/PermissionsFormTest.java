package org.cove.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cove.provider.Assets;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;
import org.junit.jupiter.api.Test;

class PermissionsFormTest {

  private final PermissionsForm form =
      new PermissionsForm(
          ComputeOptions.privateByDefault(), query -> Stream.empty(), did -> Optional.empty());
  private final List<ComputeOptions> saved = new ArrayList<>();

  PermissionsFormTest() {
    form.addSaveListener(save -> saved.add(save.options()));
  }

  @Test
  void a_malformed_publisher_address_is_marked_and_nothing_is_saved() {
    TextField publishers = publishers();
    publishers.setValue("0x12, not an address");

    Components.byId(form, "save-permissions", Button.class).click();

    assertThat(saved).isEmpty();
    assertThat(publishers.isInvalid()).isTrue();
    assertThat(publishers.getErrorMessage()).isEqualTo("0x12 is not an address");
  }

  @Test
  void save_fires_the_options_on_screen_and_the_summary_follows_them() {
    String publisher = Assets.ALGORITHM_PUBLISHER.value();
    publishers().setValue(" " + publisher.toUpperCase().replace("0X", "0x") + " ");
    Components.byId(form, "any-publisher", Checkbox.class).setValue(true);

    Components.byId(form, "save-permissions", Button.class).click();

    assertThat(saved)
        .containsExactly(
            new ComputeOptions(false, false, List.of(), List.of(TrustedAlgorithm.ANY, publisher)));
    assertThat(
            Components.byId(form, "permissions-summary", UnorderedList.class)
                .getElement()
                .getTextRecursively())
        .contains("Any algorithm published on this provider may run.");
  }

  private TextField publishers() {
    return Components.byLabel(
        form, "Trusted publishers (addresses, comma-separated)", TextField.class);
  }
}
