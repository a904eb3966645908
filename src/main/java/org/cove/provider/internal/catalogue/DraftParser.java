package org.cove.provider.internal.catalogue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetDraft.ServiceDraft;
import org.cove.provider.AssetType;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.Credentials;
import org.cove.provider.FileSource;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.Price;
import org.cove.provider.ServiceType;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * Reads a publisher's DDO (Ocean's v4 field names) into an {@link AssetDraft}, refusing anything
 * that is not valid with every error named by its field path.
 */
public final class DraftParser {

  static final int MAX_NAME = 256;
  static final int MAX_TEXT = 10_000;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 64;
  static final int MAX_SERVICES = 10;
  static final int MAX_FILES = 50;
  static final int MAX_PARAMETERS = 50;
  static final int MAX_LIST = 1_000;

  private static final Pattern IMAGE_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f-]{36}");
  private static final Pattern CHECKSUM = Pattern.compile("\\*|[0-9a-fA-F]{64,6400}");

  private final DdoReader read = new DdoReader();

  private DraftParser() {}

  public static AssetDraft parse(JsonObject ddo) {
    DraftParser parser = new DraftParser();
    AssetDraft draft = parser.draft(ddo == null ? JsonValue.EMPTY_JSON_OBJECT : ddo);
    if (!parser.read.errors().isEmpty()) {
      throw new InvalidDdoException(parser.read.errors());
    }
    return draft;
  }

  /** Compute options alone, as the permissions editor sends them. */
  public static ComputeOptions parseComputeOptions(JsonObject compute) {
    DraftParser parser = new DraftParser();
    ComputeOptions options =
        parser.computeOptions(compute == null ? JsonValue.EMPTY_JSON_OBJECT : compute, "compute");
    if (!parser.read.errors().isEmpty()) {
      throw new InvalidDdoException(parser.read.errors());
    }
    return options;
  }

  private AssetDraft draft(JsonObject ddo) {
    JsonObject metadata =
        read.object(ddo, "", "metadata", true).orElse(JsonValue.EMPTY_JSON_OBJECT);
    AssetType type = type(metadata);
    String name = read.text(metadata, "metadata", "name", true, MAX_NAME).orElse("");
    String description = read.text(metadata, "metadata", "description", false, MAX_TEXT).orElse("");
    String author = read.text(metadata, "metadata", "author", true, MAX_NAME).orElse("");
    String license = read.text(metadata, "metadata", "license", true, MAX_NAME).orElse("");
    List<String> tags = tags(metadata);
    Optional<AlgorithmMetadata> algorithm = algorithm(metadata, type);
    List<ServiceDraft> services = services(ddo, type);
    Credentials credentials = credentials(ddo);
    Optional<FileSource> sample =
        read.object(ddo, "", "sample", false).flatMap(s -> fileSource(s, "sample"));
    return new AssetDraft(
        type, name, description, author, license, tags, algorithm, services, credentials, sample);
  }

  private AssetType type(JsonObject metadata) {
    Optional<String> type = read.text(metadata, "metadata", "type", true, 16);
    if (type.isEmpty()) {
      return AssetType.DATASET;
    }
    return switch (type.get()) {
      case "dataset" -> AssetType.DATASET;
      case "algorithm" -> AssetType.ALGORITHM;
      default -> {
        read.error("metadata.type", "must be dataset or algorithm");
        yield AssetType.DATASET;
      }
    };
  }

  private List<String> tags(JsonObject metadata) {
    List<String> tags =
        read.list(
            metadata,
            "metadata",
            "tags",
            false,
            MAX_TAGS,
            (value, path) ->
                read.string(value, path, MAX_TAG).map(t -> t.toLowerCase(Locale.ROOT)));
    return tags.stream().distinct().toList();
  }

  private Optional<AlgorithmMetadata> algorithm(JsonObject metadata, AssetType type) {
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

  private List<ServiceDraft> services(JsonObject ddo, AssetType type) {
    List<ServiceDraft> services =
        read.list(
            ddo,
            "",
            "services",
            true,
            MAX_SERVICES,
            (value, path) -> read.object(value, path).flatMap(s -> service(s, path, type)));
    if (ddo.get("services") instanceof JsonArray given && given.isEmpty()) {
      read.error("services", "an asset needs at least one service");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      if (!ids.add(services.get(i).id())) {
        read.error("services[" + i + "].id", "is used twice");
      }
    }
    return services;
  }

  private Optional<ServiceDraft> service(JsonObject service, String path, AssetType assetType) {
    int before = read.errors().size();
    String id = read.text(service, path, "id", true, 64).orElse("");
    if (!id.isEmpty() && !SERVICE_ID.matcher(id).matches()) {
      read.error(path + ".id", "must be letters, digits, '.', '_' or '-'");
    }
    ServiceType type = serviceType(service, path);
    List<FileSource> files =
        read.list(
            service,
            path,
            "files",
            true,
            MAX_FILES,
            (value, at) -> read.object(value, at).flatMap(f -> fileSource(f, at)));
    if (service.containsKey("files") && files.isEmpty() && read.errors().size() == before) {
      read.error(path + ".files", "a service needs at least one file");
    }
    long timeout = read.whole(service, path, "timeout", 0, 0, 10L * 365 * 24 * 3600);
    Price price =
        read.object(service, path, "price", false)
            .map(p -> price(p, path + ".price"))
            .orElse(Price.FREE);
    Optional<ComputeOptions> compute =
        read.object(service, path, "compute", false).map(c -> computeOptions(c, path + ".compute"));
    if (type == ServiceType.ACCESS && compute.isPresent()) {
      read.error(path + ".compute", "only compute services have compute options");
    }
    if (assetType == AssetType.ALGORITHM && compute.isPresent()) {
      read.error(path + ".compute", "an algorithm's services take no compute options");
    }
    if (read.errors().size() > before) {
      return Optional.empty();
    }
    Optional<ComputeOptions> options =
        type == ServiceType.COMPUTE
            ? Optional.of(compute.orElse(ComputeOptions.privateByDefault()))
            : Optional.empty();
    return Optional.of(new ServiceDraft(id, type, files, timeout, price, options));
  }

  private ServiceType serviceType(JsonObject service, String path) {
    String type = read.text(service, path, "type", true, 16).orElse("access");
    return switch (type) {
      case "access" -> ServiceType.ACCESS;
      case "compute" -> ServiceType.COMPUTE;
      default -> {
        read.error(path + ".type", "must be access or compute");
        yield ServiceType.ACCESS;
      }
    };
  }

  Optional<FileSource> fileSource(JsonObject file, String path) {
    String type = read.text(file, path, "type", true, 16).orElse("");
    switch (type) {
      case "upload" -> {
        Optional<String> id = read.text(file, path, "id", true, 36);
        if (id.isPresent() && !UPLOAD_ID.matcher(id.get()).matches()) {
          read.error(path + ".id", "is not an upload id (POST /api/v1/files returns one)");
          return Optional.empty();
        }
        return id.map(FileSource.Upload::new);
      }
      case "url" -> {
        return read.text(file, path, "url", true, 2048).flatMap(u -> url(u, path + ".url"));
      }
      case "" -> {
        return Optional.empty();
      }
      default -> {
        read.error(path + ".type", "must be upload or url");
        return Optional.empty();
      }
    }
  }

  private Optional<FileSource> url(String text, String path) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        read.error(path, "must be an http or https URL");
        return Optional.empty();
      }
      if (uri.getUserInfo() != null) {
        read.error(path, "must not carry credentials");
        return Optional.empty();
      }
      return Optional.of(new FileSource.Url(uri));
    } catch (URISyntaxException e) {
      read.error(path, "is not a URL");
      return Optional.empty();
    }
  }

  private Price price(JsonObject price, String path) {
    Optional<String> amount = read.text(price, path, "amount", true, 80);
    BigDecimal value = BigDecimal.ZERO;
    if (amount.isPresent()) {
      try {
        value = new BigDecimal(amount.get());
        if (value.signum() < 0) {
          read.error(path + ".amount", "must not be negative");
        }
      } catch (NumberFormatException e) {
        read.error(path + ".amount", "must be a decimal number written as a string, e.g. \"1.5\"");
      }
    }
    Optional<String> token = read.text(price, path, "token", false, 42);
    token
        .filter(t -> !Address.isAddress(t))
        .ifPresent(t -> read.error(path + ".token", "must be a token contract address"));
    long chainId = read.whole(price, path, "chainId", 0, 0, Long.MAX_VALUE);
    return new Price(
        value,
        token.filter(Address::isAddress).map(t -> t.toLowerCase(Locale.ROOT)),
        chainId == 0 ? Optional.empty() : Optional.of(chainId));
  }

  ComputeOptions computeOptions(JsonObject compute, String path) {
    boolean raw = read.bool(compute, path, "allowRawAlgorithm", false);
    boolean network = read.bool(compute, path, "allowNetworkAccess", false);
    List<TrustedAlgorithm> algorithms =
        read.list(
            compute,
            path,
            "publisherTrustedAlgorithms",
            false,
            MAX_LIST,
            (value, at) -> read.object(value, at).flatMap(a -> trustedAlgorithm(a, at)));
    List<String> publishers =
        read.list(
            compute,
            path,
            "publisherTrustedAlgorithmPublishers",
            false,
            MAX_LIST,
            (value, at) -> read.string(value, at, 42).flatMap(p -> publisher(p, at)));
    return new ComputeOptions(raw, network, algorithms, publishers);
  }

  private Optional<TrustedAlgorithm> trustedAlgorithm(JsonObject entry, String path) {
    Optional<String> did = read.text(entry, path, "did", true, 71);
    did.filter(d -> !d.equals(TrustedAlgorithm.ANY) && !Did.isDid(d))
        .ifPresent(d -> read.error(path + ".did", "must be a DID or *"));
    Optional<String> files = checksum(entry, path, "filesChecksum");
    Optional<String> container = checksum(entry, path, "containerSectionChecksum");
    return did.filter(d -> d.equals(TrustedAlgorithm.ANY) || Did.isDid(d))
        .map(d -> new TrustedAlgorithm(d.toLowerCase(Locale.ROOT), files, container));
  }

  private Optional<String> checksum(JsonObject entry, String path, String field) {
    Optional<String> checksum = read.text(entry, path, field, false, 6400);
    if (checksum.isPresent() && !CHECKSUM.matcher(checksum.get()).matches()) {
      read.error(path + "." + field, "must be hex sha256 digests or *");
      return Optional.empty();
    }
    return checksum.map(c -> c.toLowerCase(Locale.ROOT));
  }

  private Optional<String> publisher(String publisher, String path) {
    if (publisher.equals(TrustedAlgorithm.ANY)) {
      return Optional.of(publisher);
    }
    if (!Address.isAddress(publisher)) {
      read.error(path, "must be an address or *");
      return Optional.empty();
    }
    return Optional.of(publisher.toLowerCase(Locale.ROOT));
  }

  private Credentials credentials(JsonObject ddo) {
    Optional<JsonObject> credentials = read.object(ddo, "", "credentials", false);
    if (credentials.isEmpty()) {
      return Credentials.OPEN;
    }
    return new Credentials(
        new HashSet<>(addresses(credentials.get(), "allow")),
        new HashSet<>(addresses(credentials.get(), "deny")));
  }

  private List<Address> addresses(JsonObject credentials, String field) {
    List<Address> addresses = new ArrayList<>();
    read.list(
            credentials,
            "credentials",
            field,
            false,
            MAX_LIST,
            (value, path) ->
                read.string(value, path, 42)
                    .flatMap(
                        a -> {
                          if (!Address.isAddress(a)) {
                            read.error(path, "must be an address");
                            return Optional.empty();
                          }
                          return Optional.of(Address.parse(a));
                        }))
        .forEach(addresses::add);
    return addresses;
  }
}
