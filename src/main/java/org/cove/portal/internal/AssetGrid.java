package org.cove.portal.internal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiFunction;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.shared.Page;

/** A lazily loaded list of assets; a click opens the asset. */
class AssetGrid extends Grid<Asset> {

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /**
   * @param pages loads page number, page size → a page of assets
   */
  AssetGrid(BiFunction<Integer, Integer, Page<Asset>> pages) {
    super(Asset.class, false);
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    addColumn(a -> a.metadata().name()).setHeader("Name").setFlexGrow(3);
    addColumn(a -> a.metadata().type().name().toLowerCase(Locale.ROOT)).setHeader("Type");
    addColumn(a -> String.join(", ", a.metadata().tags())).setHeader("Tags").setFlexGrow(2);
    addColumn(a -> a.publisher().value()).setHeader("Publisher").setFlexGrow(2);
    addColumn(a -> DAY.format(a.metadata().updated())).setHeader("Updated");
    addColumn(a -> a.state() == AssetState.ACTIVE ? "" : "disabled").setHeader("");
    setItems(
        query -> pages.apply(query.getPage(), query.getPageSize()).items().stream(),
        query -> (int) pages.apply(0, 1).total());
    addItemClickListener(
        click -> getUI().ifPresent(ui -> ui.navigate("assets/" + click.getItem().did().value())));
    setSizeFull();
  }
}
