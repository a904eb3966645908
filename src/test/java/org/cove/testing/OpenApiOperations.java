package org.cove.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of the OpenAPI document Cove serves at {@code /openapi}: what a client can call,
 * read from the server itself, so that a test covering "every operation" covers the new ones too.
 */
public final class OpenApiOperations {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private OpenApiOperations() {}

  /** One operation: its method, its path template, and what it reads. */
  public record Operation(
      String method,
      String path,
      List<String> queryParameters,
      boolean readsJson,
      JsonObject bodySchema) {

    /** The path with every parameter given the same value (already encoded). */
    public String pathWith(String value) {
      return PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(value));
    }

    public boolean hasPathParameters() {
      return PARAMETER.matcher(path).find();
    }

    /** The path with one parameter given a value and the others a harmless one. */
    public List<String> pathsWithEachParameter(String value, String others) {
      List<String> paths = new ArrayList<>();
      Matcher names = PARAMETER.matcher(path);
      while (names.find()) {
        String name = names.group();
        paths.add(
            path.replace(name, value)
                .replaceAll(PARAMETER.pattern(), Matcher.quoteReplacement(others)));
      }
      return paths;
    }

    /** The property names and their declared JSON types, where the body's schema names them. */
    public Map<String, String> bodyProperties() {
      Map<String, String> properties = new java.util.LinkedHashMap<>();
      if (bodySchema != null && bodySchema.containsKey("properties")) {
        bodySchema
            .getJsonObject("properties")
            .forEach(
                (name, schema) ->
                    properties.put(
                        name,
                        schema instanceof JsonObject object
                            ? object.getString("type", "object")
                            : "object"));
      }
      return properties;
    }

    /** Whether the body is meant to be a JSON array, not an object. */
    public boolean bodyIsArray() {
      return bodySchema != null && "array".equals(bodySchema.getString("type", ""));
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every operation of the document, in its order. */
  public static List<Operation> of(JsonObject document) {
    JsonObject schemas =
        document.containsKey("components")
                && document.getJsonObject("components").containsKey("schemas")
            ? document.getJsonObject("components").getJsonObject("schemas")
            : JsonValue.EMPTY_JSON_OBJECT;
    List<Operation> operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) -> {
              JsonObject pathItem = item.asJsonObject();
              List<JsonValue> shared =
                  pathItem.containsKey("parameters")
                      ? pathItem.getJsonArray("parameters")
                      : List.of();
              pathItem.forEach(
                  (method, value) -> {
                    if (METHODS.contains(method)) {
                      operations.add(
                          operation(
                              method.toUpperCase(Locale.ROOT),
                              path,
                              value.asJsonObject(),
                              shared,
                              schemas));
                    }
                  });
            });
    return operations;
  }

  private static Operation operation(
      String method,
      String path,
      JsonObject operation,
      List<JsonValue> shared,
      JsonObject schemas) {
    List<String> query = new ArrayList<>();
    List<JsonValue> parameters = new ArrayList<>(shared);
    if (operation.containsKey("parameters")) {
      parameters.addAll(operation.getJsonArray("parameters"));
    }
    for (JsonValue parameter : parameters) {
      JsonObject resolved = resolve(parameter.asJsonObject(), schemas);
      if ("query".equals(resolved.getString("in", ""))) {
        query.add(resolved.getString("name"));
      }
    }
    boolean readsJson = false;
    JsonObject schema = null;
    if (operation.containsKey("requestBody")) {
      JsonObject content =
          operation.getJsonObject("requestBody").getJsonObject("content") == null
              ? JsonValue.EMPTY_JSON_OBJECT
              : operation.getJsonObject("requestBody").getJsonObject("content");
      for (String type : content.keySet()) {
        if (type.contains("json")) {
          readsJson = true;
          JsonObject media = content.getJsonObject(type);
          if (media.containsKey("schema")) {
            schema = resolve(media.getJsonObject("schema"), schemas);
          }
        }
      }
    }
    return new Operation(method, path, List.copyOf(query), readsJson, schema);
  }

  /** Follows a {@code $ref} to the document's own schemas, one level. */
  private static JsonObject resolve(JsonObject value, JsonObject schemas) {
    String ref = value.getString("$ref", "");
    String prefix = "#/components/schemas/";
    if (ref.startsWith(prefix) && schemas.containsKey(ref.substring(prefix.length()))) {
      return schemas.getJsonObject(ref.substring(prefix.length()));
    }
    return value;
  }
}
