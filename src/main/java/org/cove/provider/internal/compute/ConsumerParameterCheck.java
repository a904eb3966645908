package org.cove.provider.internal.compute;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeRefusal;
import org.cove.provider.ConsumerParameter;

/**
 * Checks the consumer's {@code algocustomdata} against the algorithm's {@code consumerParameters}
 * and returns what the algorithm will read in {@code algoCustomData.json}: every declared
 * parameter, given or defaulted, in its declared type. Undeclared names are refused, so a typo is
 * not silently ignored.
 */
final class ConsumerParameterCheck {

  static final int MAX_BYTES = 16 * 1024;

  private ConsumerParameterCheck() {}

  static JsonObject check(List<ConsumerParameter> declared, JsonObject given) {
    if (given.toString().length() > MAX_BYTES) {
      throw invalid("the parameters are larger than " + MAX_BYTES + " bytes");
    }
    for (String name : given.keySet()) {
      if (declared.stream().noneMatch(p -> p.name().equals(name))) {
        throw invalid("the algorithm has no parameter " + quote(name));
      }
    }
    JsonObjectBuilder result = JSON.createObjectBuilder();
    for (ConsumerParameter parameter : declared) {
      JsonValue value = given.get(parameter.name());
      if (value == null || value == JsonValue.NULL) {
        Optional<String> fallback = parameter.defaultValue();
        if (fallback.isEmpty()) {
          if (parameter.required()) {
            throw invalid("parameter " + quote(parameter.name()) + " is required");
          }
          continue;
        }
        value = JSON.createValue(fallback.get());
      }
      result.add(parameter.name(), typed(parameter, value));
    }
    return result.build();
  }

  private static JsonValue typed(ConsumerParameter parameter, JsonValue value) {
    String name = quote(parameter.name());
    String text = value instanceof JsonString s ? s.getString() : value.toString();
    return switch (parameter.type()) {
      case TEXT -> {
        if (!(value instanceof JsonString)) {
          throw invalid("parameter " + name + " must be text");
        }
        yield value;
      }
      case NUMBER -> {
        if (value instanceof JsonNumber) {
          yield value;
        }
        try {
          yield JSON.createValue(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
          throw invalid("parameter " + name + " must be a number");
        }
      }
      case BOOLEAN -> {
        if (value == JsonValue.TRUE || "true".equals(text)) {
          yield JsonValue.TRUE;
        }
        if (value == JsonValue.FALSE || "false".equals(text)) {
          yield JsonValue.FALSE;
        }
        throw invalid("parameter " + name + " must be true or false");
      }
      case SELECT -> {
        if (parameter.options().stream().noneMatch(o -> o.value().equals(text))) {
          throw invalid("parameter " + name + " must be one of its options");
        }
        yield JSON.createValue(text);
      }
    };
  }

  private static String quote(String name) {
    return "'" + (name.length() > 64 ? name.substring(0, 64) + "…" : name) + "'";
  }

  private static ComputeRefusal invalid(String detail) {
    return ComputeRefusal.of("invalid_consumer_parameters", detail);
  }
}
