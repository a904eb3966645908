package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.cove.provider.Asset;
import org.cove.provider.Price;
import org.cove.provider.Service;

/**
 * The publisher's prices: per service, an exact decimal amount (0: free) and the token contract
 * (empty: the chain's native coin). Saving hands the price to the view, which asks the catalogue.
 */
class PriceEditor extends VerticalLayout {

  PriceEditor(Asset asset, BiConsumer<String, Price> save) {
    setPadding(false);
    setId("price-editor");
    add(new H3("Prices"));
    for (Service service : asset.services()) {
      add(row(service, save));
    }
  }

  private HorizontalLayout row(Service service, BiConsumer<String, Price> save) {
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
                save.accept(
                    service.id(),
                    new Price(
                        value,
                        Optional.of(token.getValue().trim()).filter(t -> !t.isEmpty()),
                        service.price().chainId()));
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
