package org.cove.operator;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cove.operator.ComputeEnvironment.Fees;
import org.cove.operator.ComputeEnvironment.FreeTier;
import org.cove.operator.ComputeEnvironment.Resource;
import org.cove.shared.InvalidInputException;

/**
 * Environments as JSON, in ocean-node's shape ({@code resources}, {@code fees} per chain, {@code
 * free}, {@code platform}), so configuration, the admin API and Ocean's clients read one format.
 * Reading validates: every refusal says which field is wrong.
 */
public final class EnvironmentJson {

  public static final String NATIVE_TOKEN = "0x0000000000000000000000000000000000000000";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private EnvironmentJson() {}

  public static JsonObjectBuilder write(ComputeEnvironment env) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", env.id())
            .add("description", env.description())
            .add("storageExpiry", env.storageExpiry())
            .add("minJobDuration", env.minJobDuration())
            .add("maxJobDuration", env.maxJobDuration())
            .add("maxJobs", env.maxJobs())
            .add("enableNetwork", env.enableNetwork())
            .add("resources", resources(env.resources()))
            .add(
                "platform",
                JSON.createObjectBuilder()
                    .add("architecture", env.architecture())
                    .add("os", env.os()));
    JsonObjectBuilder fees = JSON.createObjectBuilder();
    env.fees()
        .ifPresent(
            f -> {
              JsonArrayBuilder prices = JSON.createArrayBuilder();
              f.prices().entrySet().stream()
                  .sorted(Map.Entry.comparingByKey())
                  .forEach(
                      p ->
                          prices.add(
                              JSON.createObjectBuilder()
                                  .add("id", p.getKey())
                                  .add("price", p.getValue())));
              fees.add(
                  String.valueOf(f.chainId()),
                  JSON.createArrayBuilder()
                      .add(
                          JSON.createObjectBuilder()
                              .add("feeToken", f.token().orElse(NATIVE_TOKEN))
                              .add("prices", prices)));
            });
    json.add("fees", fees);
    env.free()
        .ifPresent(
            free ->
                json.add(
                    "free",
                    JSON.createObjectBuilder()
                        .add("maxJobDuration", free.maxJobDuration())
                        .add("minJobDuration", free.minJobDuration())
                        .add("maxJobs", free.maxJobs())
                        .add("resources", resources(free.resources()))));
    return json;
  }

  private static JsonArrayBuilder resources(List<Resource> resources) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Resource r : resources) {
      array.add(
          JSON.createObjectBuilder()
              .add("id", r.id())
              .add("description", r.description())
              .add("total", number(r.total()))
              .add("min", number(r.min()))
              .add("max", number(r.max())));
    }
    return array;
  }

  private static JsonValue number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? JSON.createValue((long) value)
        : JSON.createValue(value);
  }

  public static ComputeEnvironment read(JsonObject json) {
    String id = text(json, "id", null);
    if (!ID.matcher(id).matches()) {
      throw invalid("id", "letters, digits, '.', '_' and '-', at most 64");
    }
    List<Resource> resources = readResources(json.get("resources"), "resources");
    if (resources.isEmpty()) {
      throw invalid("resources", "at least one resource is needed");
    }
    long min = whole(json, "minJobDuration", 1);
    long max = whole(json, "maxJobDuration", 3600);
    if (min < 1 || max < min) {
      throw invalid("maxJobDuration", "durations are seconds with 1 <= min <= max");
    }
    Optional<FreeTier> free = Optional.empty();
    if (json.get("free") instanceof JsonObject f) {
      long freeMax = whole(f, "maxJobDuration", max);
      long freeMin = whole(f, "minJobDuration", min);
      if (freeMin < 1 || freeMax < freeMin) {
        throw invalid("free.maxJobDuration", "durations are seconds with 1 <= min <= max");
      }
      free =
          Optional.of(
              new FreeTier(
                  freeMax,
                  freeMin,
                  (int) whole(f, "maxJobs", whole(json, "maxJobs", 1)),
                  f.containsKey("resources")
                      ? readResources(f.get("resources"), "free.resources")
                      : List.of()));
    }
    Map<String, String> platform = new LinkedHashMap<>();
    if (json.get("platform") instanceof JsonObject p) {
      platform.put("architecture", text(p, "architecture", "x86_64"));
      platform.put("os", text(p, "os", "linux"));
    }
    return new ComputeEnvironment(
        id,
        text(json, "description", id),
        platform.getOrDefault("architecture", System.getProperty("os.arch")),
        platform.getOrDefault("os", "linux"),
        resources,
        min,
        max,
        (int) whole(json, "maxJobs", 1),
        whole(json, "storageExpiry", 604_800),
        json.getBoolean("enableNetwork", false),
        readFees(json.get("fees")),
        free);
  }

  private static List<Resource> readResources(JsonValue value, String field) {
    if (!(value instanceof JsonArray array)) {
      throw invalid(field, "an array of resources");
    }
    List<Resource> resources = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject r)) {
        throw invalid(field + "[" + i + "]", "a resource object");
      }
      String id = text(r, "id", null);
      double max = decimal(r, "max", null, field + "[" + i + "].max");
      double total = decimal(r, "total", max, field + "[" + i + "].total");
      double min = decimal(r, "min", 0.0, field + "[" + i + "].min");
      if (min < 0 || max < min || total < max) {
        throw invalid(field + "[" + i + "]", "0 <= min <= max <= total");
      }
      resources.add(new Resource(id, text(r, "description", id), total, min, max));
    }
    return resources;
  }

  private static Optional<Fees> readFees(JsonValue value) {
    if (!(value instanceof JsonObject fees) || fees.isEmpty()) {
      return Optional.empty();
    }
    Map.Entry<String, JsonValue> chain = fees.entrySet().iterator().next();
    long chainId;
    try {
      chainId = Long.parseLong(chain.getKey());
    } catch (NumberFormatException e) {
      throw invalid("fees", "keys are chain ids");
    }
    if (!(chain.getValue() instanceof JsonArray list)
        || list.isEmpty()
        || !(list.get(0) instanceof JsonObject fee)) {
      throw invalid("fees", "each chain id maps to [{feeToken, prices}]");
    }
    String token = text(fee, "feeToken", NATIVE_TOKEN);
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    if (fee.get("prices") instanceof JsonArray array) {
      for (JsonValue p : array) {
        if (!(p instanceof JsonObject price) || !(price.get("price") instanceof JsonNumber n)) {
          throw invalid("fees.prices", "each price is {id, price}");
        }
        if (n.bigDecimalValue().signum() < 0) {
          throw invalid("fees.prices", "prices are not negative");
        }
        prices.put(text(price, "id", null), n.bigDecimalValue());
      }
    }
    return Optional.of(
        new Fees(
            chainId,
            token.equalsIgnoreCase(NATIVE_TOKEN) ? Optional.empty() : Optional.of(token),
            prices));
  }

  private static String text(JsonObject json, String field, String fallback) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      if (fallback == null) {
        throw invalid(field, "required");
      }
      return fallback;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid(field, "a string");
    }
    String text = json.getString(field).strip();
    if (text.isEmpty() || text.length() > 500) {
      throw invalid(field, "1 to 500 characters");
    }
    return text;
  }

  private static long whole(JsonObject json, String field, long fallback) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
      throw invalid(field, "a whole number, not negative");
    }
    return n.longValue();
  }

  private static double decimal(JsonObject json, String field, Double fallback, String path) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      if (fallback == null) {
        throw invalid(path, "required");
      }
      return fallback;
    }
    if (!(value instanceof JsonNumber n)) {
      throw invalid(path, "a number");
    }
    return n.doubleValue();
  }

  private static InvalidInputException invalid(String field, String expected) {
    return new InvalidInputException("environment " + field + ": " + expected);
  }
}
