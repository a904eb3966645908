package org.cove.provider.internal.catalogue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.cove.provider.InvalidDdoException.FieldError;

/**
 * Reads fields out of JSON while collecting errors that name each field by its path ({@code
 * services[0].files[1].url}), so that a publisher learns every mistake at once.
 */
final class DdoReader {

  private static final int MAX_FIELD_SHOWN = 64;

  private final List<FieldError> errors = new ArrayList<>();

  List<FieldError> errors() {
    return errors;
  }

  void error(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  Optional<JsonObject> object(JsonObject parent, String path, String field, boolean required) {
    JsonValue value = parent.get(field);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        error(join(path, field), "is required");
      }
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      error(join(path, field), "must be an object");
      return Optional.empty();
    }
    return Optional.of(value.asJsonObject());
  }

  Optional<String> text(JsonObject parent, String path, String field, boolean required, int max) {
    JsonValue value = parent.get(field);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        error(join(path, field), "is required");
      }
      return Optional.empty();
    }
    if (!(value instanceof JsonString string)) {
      error(join(path, field), "must be a string");
      return Optional.empty();
    }
    String text = string.getString().trim();
    if (required && text.isEmpty()) {
      error(join(path, field), "must not be empty");
      return Optional.empty();
    }
    if (text.length() > max) {
      error(join(path, field), "must be at most " + max + " characters");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  boolean bool(JsonObject parent, String path, String field, boolean fallback) {
    JsonValue value = parent.get(field);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    error(join(path, field), "must be true or false");
    return fallback;
  }

  long whole(JsonObject parent, String path, String field, long fallback, long min, long max) {
    JsonValue value = parent.get(field);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      error(join(path, field), "must be a whole number");
      return fallback;
    }
    BigDecimal decimal = number.bigDecimalValue();
    if (decimal.compareTo(BigDecimal.valueOf(min)) < 0
        || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
      error(join(path, field), "must be between " + min + " and " + max);
      return fallback;
    }
    return decimal.longValueExact();
  }

  /** The array's items read by {@code item}; items that fail to read are left out. */
  <T> List<T> list(
      JsonObject parent,
      String path,
      String field,
      boolean required,
      int max,
      BiFunction<JsonValue, String, Optional<T>> item) {
    JsonValue value = parent.get(field);
    List<T> items = new ArrayList<>();
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        error(join(path, field), "is required");
      }
      return items;
    }
    if (!(value instanceof JsonArray array)) {
      error(join(path, field), "must be an array");
      return items;
    }
    if (array.size() > max) {
      error(join(path, field), "may hold at most " + max + " items");
      return items;
    }
    for (int i = 0; i < array.size(); i++) {
      item.apply(array.get(i), join(path, field) + "[" + i + "]").ifPresent(items::add);
    }
    return items;
  }

  Optional<String> string(JsonValue value, String path, int max) {
    if (!(value instanceof JsonString string)) {
      error(path, "must be a string");
      return Optional.empty();
    }
    String text = string.getString().trim();
    if (text.isEmpty() || text.length() > max) {
      error(path, "must be 1 to " + max + " characters");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  Optional<JsonObject> object(JsonValue value, String path) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      error(path, "must be an object");
      return Optional.empty();
    }
    return Optional.of(value.asJsonObject());
  }

  /**
   * An error for each field of {@code object} that is not one of {@code known}, for bodies that
   * replace state, where a misspelt field would silently reset what it meant to set.
   */
  void onlyKnownFields(JsonObject object, String path, Set<String> known) {
    for (String field : object.keySet()) {
      if (!known.contains(field)) {
        error(join(path, shown(field)), "is not a known field; expected one of " + sorted(known));
      }
    }
  }

  /** A field name as the client wrote it, bounded and printable: it goes into the answer. */
  private static String shown(String field) {
    String printable = field.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > MAX_FIELD_SHOWN
        ? printable.substring(0, MAX_FIELD_SHOWN) + "..."
        : printable;
  }

  private static String sorted(Set<String> known) {
    return String.join(", ", new TreeSet<>(known));
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
