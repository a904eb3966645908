package org.cove.provider.internal.catalogue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.cove.provider.Credentials;
import org.cove.provider.FileSource;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.Price;
import org.cove.provider.ServiceType;
import org.cove.shared.Address;

/**
 * Reads a publisher's DDO (Ocean's v4 field names) into an {@link AssetDraft}, refusing anything
 * that is not valid with every error named by its field path.
 */
final class DraftParser {

  static final int MAX_NAME = 256;
  static final int MAX_TEXT = 10_000;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 64;
  static final int MAX_SERVICES = 10;
  static final int MAX_FILES = 50;
  static final int MAX_LIST = 1_000;

  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f-]{36}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private final DdoReader read = new DdoReader();
  private final AlgorithmParser algorithms = new AlgorithmParser(read);
  private final ComputeOptionsParser computeOptions = new ComputeOptionsParser(read);

  private DraftParser() {}

  static AssetDraft parse(JsonObject ddo) {
    DraftParser parser = new DraftParser();
    AssetDraft draft = parser.draft(ddo == null ? JsonValue.EMPTY_JSON_OBJECT : ddo);
    if (!parser.read.errors().isEmpty()) {
      throw new InvalidDdoException(parser.read.errors());
    }
    return draft;
  }

  /** Compute options alone, as the permissions editor sends them: they replace the service's. */
  static ComputeOptions parseComputeOptions(JsonObject compute) {
    DraftParser parser = new DraftParser();
    ComputeOptions options =
        parser.computeOptions.parseReplacement(
            compute == null ? JsonValue.EMPTY_JSON_OBJECT : compute, "compute");
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
    Optional<AlgorithmMetadata> algorithm = algorithms.algorithm(metadata, type);
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
        read.object(service, path, "compute", false)
            .map(c -> computeOptions.parse(c, path + ".compute"));
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
        Optional<String> checksum = checksum(file, path);
        return read.text(file, path, "url", true, 2048)
            .flatMap(u -> url(u, path + ".url"))
            .map(u -> new FileSource.Url(u, checksum));
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

  /**
   * The SHA-256 a publisher may declare for a URL's content (Ocean's {@code checksum}, with an
   * optional {@code checksumType} that must then be sha256): 64 hex digits, kept in lower case.
   */
  private Optional<String> checksum(JsonObject file, String path) {
    Optional<String> type = read.text(file, path, "checksumType", false, 16);
    if (type.isPresent() && !type.get().equalsIgnoreCase("sha256")) {
      read.error(path + ".checksumType", "must be sha256");
    }
    Optional<String> checksum = read.text(file, path, "checksum", false, 64);
    if (checksum.isPresent() && !SHA256_HEX.matcher(checksum.get()).matches()) {
      read.error(path + ".checksum", "must be the SHA-256 of the file's content: 64 hex digits");
      return Optional.empty();
    }
    return checksum.map(c -> c.toLowerCase(Locale.ROOT));
  }

  private Optional<URI> url(String text, String path) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // a host java.net.URI cannot read as a name (0x7f.1) is left to the outbound policy
      String authority = uri.getRawAuthority();
      if (!scheme.equals("http") && !scheme.equals("https") || authority == null) {
        read.error(path, "must be an http or https URL");
        return Optional.empty();
      }
      if (uri.getUserInfo() != null || authority.contains("@")) {
        read.error(path, "must not carry credentials");
        return Optional.empty();
      }
      return Optional.of(uri);
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
        PriceAmounts.problem(value).ifPresent(p -> read.error(path + ".amount", p));
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
