package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finds a component of a portal form as the browser tests do on the page: by id, or by label. */
final class Components {

  private Components() {}

  static <T extends Component> T byId(Component root, String id, Class<T> type) {
    return find(root, c -> c.getId().filter(id::equals).isPresent())
        .map(type::cast)
        .orElseThrow(() -> new AssertionError("no component with id " + id));
  }

  static <T extends Component> T byLabel(Component root, String label, Class<T> type) {
    return find(root, c -> type.isInstance(c) && label.equals(c.getElement().getProperty("label")))
        .map(type::cast)
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " labelled " + label));
  }

  private static Optional<Component> find(Component root, Predicate<Component> which) {
    return Stream.concat(Stream.of(root), root.getChildren().flatMap(c -> find(c, which).stream()))
        .filter(which)
        .findFirst();
  }
}
