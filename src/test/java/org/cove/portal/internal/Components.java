package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a component of a portal form by its id, as the browser tests do on the page. */
final class Components {

  private Components() {}

  static <T extends Component> T byId(Component root, String id, Class<T> type) {
    return find(root, id)
        .map(type::cast)
        .orElseThrow(() -> new AssertionError("no component with id " + id));
  }

  private static Optional<Component> find(Component root, String id) {
    return Stream.concat(Stream.of(root), root.getChildren().flatMap(c -> find(c, id).stream()))
        .filter(c -> c.getId().filter(id::equals).isPresent())
        .findFirst();
  }
}
