package org.cove.provider.internal.catalogue;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.Locale;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.Asset;
import org.cove.provider.AssetState;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.Metadata;
import org.cove.provider.Price;
import org.cove.provider.Service;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;

/**
 * Writes an asset as a DDO in Ocean's v4 shape, plus a {@code cove} section with what Cove adds
 * (state, checksums, sample). File references are never written: only their number.
 */
final class DdoWriter {

  static final String DDO_VERSION = "4.1.0";

  /** Ocean's NFT states: 0 active, 4 ordering temporarily disabled. */
  private static final int NFT_ACTIVE = 0;

  private static final int NFT_DISABLED = 4;

  private DdoWriter() {}

  static JsonObject write(Asset asset, String serviceEndpoint, long chainId) {
    JsonObjectBuilder cove =
        JSON.createObjectBuilder()
            .add("state", asset.state().name().toLowerCase(Locale.ROOT))
            .add("hasSample", asset.hasSample());
    asset.filesChecksum().ifPresent(c -> cove.add("filesChecksum", c));
    asset
        .metadata()
        .algorithm()
        .ifPresent(a -> cove.add("containerSectionChecksum", a.container().sectionChecksum()));
    JsonArrayBuilder services = JSON.createArrayBuilder();
    asset.services().forEach(s -> services.add(service(s, serviceEndpoint)));
    return JSON.createObjectBuilder()
        .add("@context", JSON.createArrayBuilder().add("https://w3id.org/did/v1"))
        .add("id", asset.did().value())
        .add("version", DDO_VERSION)
        .add("chainId", chainId)
        .add("metadata", metadata(asset.metadata()))
        .add("services", services)
        .add(
            "credentials",
            JSON.createObjectBuilder()
                .add("allow", addresses(asset.credentials().allow()))
                .add("deny", addresses(asset.credentials().deny())))
        .add(
            "nft",
            JSON.createObjectBuilder()
                .add("owner", asset.publisher().value())
                .add("state", asset.state() == AssetState.ACTIVE ? NFT_ACTIVE : NFT_DISABLED))
        .add("cove", cove)
        .build();
  }

  private static JsonObject metadata(Metadata metadata) {
    JsonArrayBuilder tags = JSON.createArrayBuilder();
    metadata.tags().forEach(tags::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("type", metadata.type().name().toLowerCase(Locale.ROOT))
            .add("name", metadata.name())
            .add("description", metadata.description())
            .add("author", metadata.author())
            .add("license", metadata.license())
            .add("tags", tags)
            .add("created", metadata.created().toString())
            .add("updated", metadata.updated().toString());
    metadata.algorithm().ifPresent(a -> json.add("algorithm", algorithm(a)));
    return json.build();
  }

  private static JsonObject algorithm(AlgorithmMetadata algorithm) {
    Container container = algorithm.container();
    JsonArrayBuilder parameters = JSON.createArrayBuilder();
    algorithm.consumerParameters().forEach(p -> parameters.add(parameter(p)));
    return JSON.createObjectBuilder()
        .add("language", algorithm.language())
        .add("version", algorithm.version())
        .add(
            "container",
            JSON.createObjectBuilder()
                .add("entrypoint", container.entrypoint())
                .add("image", container.image())
                .add("tag", container.tag())
                .add("checksum", container.checksum()))
        .add("consumerParameters", parameters)
        .build();
  }

  private static JsonObject parameter(ConsumerParameter parameter) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("name", parameter.name())
            .add("type", parameter.type().name().toLowerCase(Locale.ROOT))
            .add("label", parameter.label())
            .add("required", parameter.required())
            .add("description", parameter.description());
    parameter.defaultValue().ifPresent(d -> json.add("default", d));
    if (parameter.type() == ConsumerParameter.Type.SELECT) {
      JsonArrayBuilder options = JSON.createArrayBuilder();
      parameter
          .options()
          .forEach(o -> options.add(JSON.createObjectBuilder().add(o.value(), o.label())));
      json.add("options", options);
    }
    return json.build();
  }

  private static JsonObject service(Service service, String serviceEndpoint) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", service.id())
            .add("type", service.type().name().toLowerCase(Locale.ROOT))
            .add("serviceEndpoint", serviceEndpoint)
            .add("timeout", service.timeout())
            .add("fileCount", service.fileCount())
            .add("price", price(service.price()));
    service.compute().ifPresent(c -> json.add("compute", compute(c)));
    return json.build();
  }

  static JsonObject price(Price price) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("amount", price.amount().toPlainString());
    price.token().ifPresent(t -> json.add("token", t));
    price.chainId().ifPresent(c -> json.add("chainId", c));
    return json.build();
  }

  static JsonObject compute(ComputeOptions options) {
    JsonArrayBuilder algorithms = JSON.createArrayBuilder();
    for (TrustedAlgorithm entry : options.trustedAlgorithms()) {
      JsonObjectBuilder json = JSON.createObjectBuilder().add("did", entry.did());
      entry.filesChecksum().ifPresent(c -> json.add("filesChecksum", c));
      entry.containerSectionChecksum().ifPresent(c -> json.add("containerSectionChecksum", c));
      algorithms.add(json);
    }
    JsonArrayBuilder publishers = JSON.createArrayBuilder();
    options.trustedPublishers().forEach(publishers::add);
    return JSON.createObjectBuilder()
        .add("allowRawAlgorithm", options.allowRawAlgorithm())
        .add("allowNetworkAccess", options.allowNetworkAccess())
        .add("publisherTrustedAlgorithms", algorithms)
        .add("publisherTrustedAlgorithmPublishers", publishers)
        .build();
  }

  private static JsonArrayBuilder addresses(Collection<Address> addresses) {
    JsonArrayBuilder json = JSON.createArrayBuilder();
    addresses.stream().map(Address::value).sorted().forEach(json::add);
    return json;
  }
}
