package org.cove.portal.internal;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.shared.CoveException;
import org.cove.shared.Did;

/** Chooses an active algorithm from the catalogue, searching as the user types. */
class AlgorithmPicker extends ComboBox<Asset> {

  AlgorithmPicker(String label, String id, Catalogue catalogue) {
    super(label);
    setId(id);
    setWidth("28em");
    setItemLabelGenerator(a -> a.metadata().name() + " · " + a.publisher().value());
    setItems(
        query ->
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
                .stream());
  }

  /** An asset's name by DID, if it is in the catalogue (entries may name deleted or "*"). */
  static Optional<String> nameOf(Catalogue catalogue, String did) {
    try {
      return Did.isDid(did)
          ? Optional.of(catalogue.get(Did.parse(did)).metadata().name())
          : Optional.empty();
    } catch (CoveException missing) {
      return Optional.empty();
    }
  }
}
