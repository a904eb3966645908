package org.cove.portal.internal;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.Price;
import org.cove.provider.Service;

/**
 * The publisher's prices: per service, an exact decimal amount (0: free) and the token contract
 * (empty: the chain's native coin). "Save price" fires a {@link SaveEvent}; the view asks the
 * catalogue.
 */
class PriceEditor extends VerticalLayout {

  PriceEditor(Asset asset) {
    setPadding(false);
    setId("price-editor");
    add(new H3("Prices"));
    for (Service service : asset.services()) {
      add(row(service));
    }
  }

  /** A service's new price, as the publisher wrote it. */
  static final class SaveEvent extends ComponentEvent<PriceEditor> {
    private final String serviceId;
    private final Price price;

    SaveEvent(PriceEditor source, String serviceId, Price price) {
      super(source, false);
      this.serviceId = serviceId;
      this.price = price;
    }

    String serviceId() {
      return serviceId;
    }

    Price price() {
      return price;
    }
  }

  Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  private HorizontalLayout row(Service service) {
    TextField amount = new TextField("Price of “" + service.id() + "”");
    amount.setId("price-amount-" + service.id());
    amount.setValue(service.price().amount().toPlainString());
    amount.setHelperText("an exact decimal; 0 is free");
    TextField token = new TextField("Token contract");
    token.setId("price-token-" + service.id());
    token.setWidth("28em");
    token.setValue(service.price().token().orElse(""));
    token.setHelperText("empty: the chain's native coin");
    Button button =
        new Button(
            "Save price",
            click -> {
              try {
                BigDecimal value = new BigDecimal(amount.getValue().trim());
                amount.setInvalid(false);
                fireEvent(
                    new SaveEvent(
                        this,
                        service.id(),
                        new Price(
                            value,
                            Optional.of(token.getValue().trim()).filter(t -> !t.isEmpty()),
                            service.price().chainId())));
              } catch (NumberFormatException e) {
                amount.setErrorMessage("a decimal number, e.g. 2.5");
                amount.setInvalid(true);
              }
            });
    button.setId("price-save-" + service.id());
    HorizontalLayout row = new HorizontalLayout(amount, token, button);
    row.setAlignItems(Alignment.BASELINE);
    return row;
  }
}
