package org.cove.portal.internal;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;

/**
 * Chooses an algorithm, searching as the user types. The view hands it the search ({@link
 * #activeIn}), so the forms that hold a picker know no catalogue.
 */
class AlgorithmPicker extends ComboBox<Asset> {

  AlgorithmPicker(String label, String id, FetchCallback<Asset, String> algorithms) {
    super(label);
    setId(id);
    setWidth("28em");
    setItemLabelGenerator(a -> a.metadata().name() + " · " + a.publisher().value());
    setItems(algorithms);
  }

  /** The catalogue's active algorithms whose text matches the filter, a page at a time. */
  static FetchCallback<Asset, String> activeIn(Catalogue catalogue) {
    return query ->
        catalogue
            .search(
                new CatalogueQuery(
                    CatalogueView.nonBlank(query.getFilter().orElse("")),
                    Optional.of(AssetType.ALGORITHM),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    query.getPage(),
                    Math.min(query.getPageSize(), CatalogueQuery.MAX_SIZE)))
            .items()
            .stream();
  }
}
