package org.cove.api.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Function;
import org.cove.shared.Page;

/** Every paged answer has one shape: {"items", "page", "size", "total"}. */
final class Pages {

  private Pages() {}

  static <T> JsonObject json(Page<T> page, Function<T, ? extends JsonValue> item) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    page.items().forEach(i -> items.add(item.apply(i)));
    return JSON.createObjectBuilder()
        .add("items", items)
        .add("page", page.page())
        .add("size", page.size())
        .add("total", page.total())
        .build();
  }
}
