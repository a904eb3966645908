package org.cove.portal.internal;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.shared.Page;

/** Every active dataset and algorithm: words, type and tag filters, newest first. */
@Route(value = "catalogue", layout = MainLayout.class)
@PageTitle("Catalogue · Cove")
@Dependent
public class CatalogueView extends VerticalLayout {

  private final Catalogue catalogue;
  private final TextField text = new TextField();
  private final ComboBox<String> type = new ComboBox<>();
  private final TextField tag = new TextField();
  private final AssetGrid grid;

  @Inject
  public CatalogueView(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.grid = new AssetGrid(this::page);
    setSizeFull();
    add(new H2("Catalogue"), filters(), grid);
    grid.setId("catalogue-grid");
  }

  private HorizontalLayout filters() {
    text.setId("catalogue-search");
    text.setPlaceholder("Search names, tags, descriptions");
    text.setWidth("24em");
    type.setItems("any", "dataset", "algorithm");
    type.setValue("any");
    tag.setPlaceholder("Tag");
    for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {text, type, tag}) {
      field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
    }
    text.setValueChangeMode(ValueChangeMode.LAZY);
    tag.setValueChangeMode(ValueChangeMode.LAZY);
    HorizontalLayout filters = new HorizontalLayout(text, type, tag);
    filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    return filters;
  }

  private Page<Asset> page(int page, int size) {
    return catalogue.search(
        new CatalogueQuery(
            nonBlank(text.getValue()),
            switch (type.getValue() == null ? "any" : type.getValue()) {
              case "dataset" -> Optional.of(AssetType.DATASET);
              case "algorithm" -> Optional.of(AssetType.ALGORITHM);
              default -> Optional.empty();
            },
            nonBlank(tag.getValue()),
            Optional.empty(),
            false,
            page,
            Math.min(size, CatalogueQuery.MAX_SIZE)));
  }

  static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
