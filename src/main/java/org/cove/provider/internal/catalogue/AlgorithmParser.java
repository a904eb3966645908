package org.cove.provider.internal.catalogue;

import static org.cove.provider.internal.catalogue.DraftParser.MAX_NAME;
import static org.cove.provider.internal.catalogue.DraftParser.MAX_TEXT;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.AssetType;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;

/**
 * Reads how an algorithm runs ({@code metadata.algorithm}): its container, pinned by the image's
 * digest with {@code $ALGO} in the entrypoint, and the parameters its consumers set. Errors go to
 * the draft's {@link DdoReader}, named by their field paths.
 */
final class AlgorithmParser {

  static final int MAX_PARAMETERS = 50;

  private static final Pattern IMAGE_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private final DdoReader read;

  AlgorithmParser(DdoReader read) {
    this.read = read;
  }

  /** An algorithm's run description; only algorithms have one, and they must. */
  Optional<AlgorithmMetadata> algorithm(JsonObject metadata, AssetType type) {
    Optional<JsonObject> algorithm =
        read.object(metadata, "metadata", "algorithm", type == AssetType.ALGORITHM);
    if (type != AssetType.ALGORITHM) {
      if (algorithm.isPresent()) {
        read.error("metadata.algorithm", "only algorithms describe how they run");
      }
      return Optional.empty();
    }
    return algorithm.map(this::algorithmMetadata);
  }

  private AlgorithmMetadata algorithmMetadata(JsonObject algorithm) {
    String path = "metadata.algorithm";
    String language = read.text(algorithm, path, "language", false, 64).orElse("");
    String version = read.text(algorithm, path, "version", false, 64).orElse("");
    JsonObject container =
        read.object(algorithm, path, "container", true).orElse(JsonValue.EMPTY_JSON_OBJECT);
    List<ConsumerParameter> parameters =
        read.list(
            algorithm,
            path,
            "consumerParameters",
            false,
            MAX_PARAMETERS,
            (value, at) -> read.object(value, at).flatMap(p -> parameter(p, at)));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parameters.size(); i++) {
      if (!names.add(parameters.get(i).name())) {
        read.error(path + ".consumerParameters[" + i + "].name", "is used twice");
      }
    }
    return new AlgorithmMetadata(language, version, container(container), parameters);
  }

  private Container container(JsonObject container) {
    String path = "metadata.algorithm.container";
    String entrypoint = read.text(container, path, "entrypoint", true, 1024).orElse("");
    if (!entrypoint.isEmpty() && !entrypoint.contains("$ALGO")) {
      read.error(path + ".entrypoint", "must contain $ALGO, where the algorithm's code goes");
    }
    String image = read.text(container, path, "image", true, 256).orElse("");
    String tag = read.text(container, path, "tag", false, 128).orElse("");
    String checksum = read.text(container, path, "checksum", true, 128).orElse("");
    if (!checksum.isEmpty() && !checksum.startsWith("sha256:")) {
      read.error(path + ".checksum", "must start with sha256:");
    } else if (!checksum.isEmpty() && !IMAGE_DIGEST.matcher(checksum).matches()) {
      read.error(path + ".checksum", "must be sha256: and the image digest's 64 hex digits");
    }
    return new Container(entrypoint, image, tag, checksum);
  }

  private Optional<ConsumerParameter> parameter(JsonObject parameter, String path) {
    int before = read.errors().size();
    String name = read.text(parameter, path, "name", true, 64).orElse("");
    if (!name.isEmpty() && !PARAMETER_NAME.matcher(name).matches()) {
      read.error(path + ".name", "must be letters, digits and _, not starting with a digit");
    }
    ConsumerParameter.Type type = parameterType(parameter, path);
    String label = read.text(parameter, path, "label", true, MAX_NAME).orElse("");
    boolean required = read.bool(parameter, path, "required", false);
    String description = read.text(parameter, path, "description", false, MAX_TEXT).orElse("");
    Optional<String> defaultValue = defaultValue(parameter.get("default"), path + ".default");
    List<ConsumerParameter.Option> options =
        read.list(
            parameter,
            path,
            "options",
            type == ConsumerParameter.Type.SELECT,
            MAX_PARAMETERS,
            (value, at) -> read.object(value, at).flatMap(o -> option(o, at)));
    if (type == ConsumerParameter.Type.SELECT
        && options.isEmpty()
        && parameter.containsKey("options")) {
      read.error(path + ".options", "a select needs at least one option");
    }
    if (read.errors().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ConsumerParameter(name, type, label, required, description, defaultValue, options));
  }

  private ConsumerParameter.Type parameterType(JsonObject parameter, String path) {
    String type = read.text(parameter, path, "type", true, 16).orElse("text");
    try {
      return ConsumerParameter.Type.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      read.error(path + ".type", "must be text, number, boolean or select");
      return ConsumerParameter.Type.TEXT;
    }
  }

  private Optional<String> defaultValue(JsonValue value, String path) {
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    return switch (value.getValueType()) {
      case STRING -> Optional.of(((JsonString) value).getString());
      case NUMBER, TRUE, FALSE -> Optional.of(value.toString());
      default -> {
        read.error(path, "must be a string, number or boolean");
        yield Optional.empty();
      }
    };
  }

  /** Ocean writes each option as a one-key object: {"value": "label"}. */
  private Optional<ConsumerParameter.Option> option(JsonObject option, String path) {
    if (option.size() != 1 || !(option.values().iterator().next() instanceof JsonString label)) {
      read.error(path, "must be one {\"value\": \"label\"} pair");
      return Optional.empty();
    }
    return Optional.of(
        new ConsumerParameter.Option(option.keySet().iterator().next(), label.getString()));
  }
}
