package org.cove.provider;

import java.util.List;
import java.util.Optional;

/**
 * A parameter the consumer sets when running an algorithm; the portal builds its form from these.
 * {@code options} are the choices of a {@code select}.
 */
public record ConsumerParameter(
    String name,
    Type type,
    String label,
    boolean required,
    String description,
    Optional<String> defaultValue,
    List<Option> options) {

  public ConsumerParameter {
    options = List.copyOf(options);
  }

  public enum Type {
    TEXT,
    NUMBER,
    BOOLEAN,
    SELECT
  }

  /** One choice of a select parameter: the value sent, and what the consumer sees. */
  public record Option(String value, String label) {}
}
