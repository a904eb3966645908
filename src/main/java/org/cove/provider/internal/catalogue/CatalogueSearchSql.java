package org.cove.provider.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cove.provider.CatalogueQuery;

/**
 * The SQL of a catalogue search: full-text over the generated search vector (GIN index), filters on
 * type, tag (GIN on tags), publisher and state, newest updates first. One builder, so the search
 * benchmark measures exactly what the catalogue runs.
 */
record CatalogueSearchSql(String where, List<Object> parameters, int limit, long offset) {

  static CatalogueSearchSql of(CatalogueQuery query) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> parameters = new ArrayList<>();
    query
        .text()
        .filter(t -> !t.isBlank())
        .ifPresent(
            t -> {
              where.append(" and search @@ websearch_to_tsquery('english', ?)");
              parameters.add(t);
            });
    query
        .type()
        .ifPresent(
            t -> {
              where.append(" and type = ?");
              parameters.add(t.name());
            });
    query
        .tag()
        .ifPresent(
            t -> {
              where.append(" and tags @> array[?]::varchar[]");
              parameters.add(t.toLowerCase(Locale.ROOT));
            });
    query
        .publisher()
        .ifPresent(
            p -> {
              where.append(" and publisher = ?");
              parameters.add(p.value());
            });
    if (!query.includeDisabled()) {
      where.append(" and state = 'ACTIVE'");
    }
    return new CatalogueSearchSql(
        where.toString(),
        List.copyOf(parameters),
        query.size(),
        (long) query.page() * query.size());
  }

  String countSql() {
    return "select count(*) from provider_asset" + where;
  }

  /** The page's rows; binds {@link #pageParameters()}. */
  String pageSql() {
    return "select * from provider_asset"
        + where
        + " order by updated_at desc, did limit ? offset ?";
  }

  List<Object> pageParameters() {
    List<Object> all = new ArrayList<>(parameters);
    all.add(limit);
    all.add(offset);
    return all;
  }
}
