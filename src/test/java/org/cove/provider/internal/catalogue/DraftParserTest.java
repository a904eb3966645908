package org.cove.provider.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetType;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.FileSource;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.InvalidDdoException.FieldError;
import org.cove.provider.ServiceType;
import org.cove.provider.TrustedAlgorithm;
import org.cove.testing.Ddos;
import org.junit.jupiter.api.Test;

/**
 * A publisher's DDO read into a draft, the algorithm's and the compute options' parts included, and
 * every mistake named by its field, in the order the DDO is read.
 */
class DraftParserTest {

  static final String UPLOAD = "0123abcd-0123-abcd-0123-0123456789ab";
  static final String PUBLISHER = "0x" + "AB".repeat(20);
  static final String CHECKSUM = "c".repeat(64);

  static JsonObject parameter(String name, String type) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("type", type)
        .add("label", "Label of " + name)
        .add("required", true)
        .add("default", 3)
        .build();
  }

  static JsonObject algorithmWith(JsonObject... parameters) {
    JsonObject ddo = Ddos.algorithm("Stats", Ddos.service("access", "access", UPLOAD));
    var list = Json.createArrayBuilder();
    for (JsonObject p : parameters) {
      list.add(p);
    }
    JsonObject metadata = ddo.getJsonObject("metadata");
    JsonObject algorithm =
        Json.createObjectBuilder(metadata.getJsonObject("algorithm"))
            .add("consumerParameters", list)
            .build();
    return Json.createObjectBuilder(ddo)
        .add("metadata", Json.createObjectBuilder(metadata).add("algorithm", algorithm))
        .build();
  }

  static List<FieldError> errors(JsonObject ddo) {
    return catchThrowableOfType(InvalidDdoException.class, () -> DraftParser.parse(ddo)).errors();
  }

  @Test
  void an_algorithm_reads_with_its_container_and_parameters() {
    AssetDraft draft =
        DraftParser.parse(
            algorithmWith(
                parameter("rounds", "number"),
                Json.createObjectBuilder(parameter("mode", "select"))
                    .add(
                        "options",
                        Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("fast", "Fast")))
                    .build()));

    assertThat(draft.type()).isEqualTo(AssetType.ALGORITHM);
    assertThat(draft.tags()).containsExactly("test");
    assertThat(draft.algorithm().orElseThrow().container())
        .isEqualTo(new Container("python3 $ALGO", "python", "3.12-slim", Ddos.IMAGE_CHECKSUM));
    assertThat(draft.algorithm().orElseThrow().consumerParameters())
        .containsExactly(
            new ConsumerParameter(
                "rounds",
                ConsumerParameter.Type.NUMBER,
                "Label of rounds",
                true,
                "",
                Optional.of("3"),
                List.of()),
            new ConsumerParameter(
                "mode",
                ConsumerParameter.Type.SELECT,
                "Label of mode",
                true,
                "",
                Optional.of("3"),
                List.of(new ConsumerParameter.Option("fast", "Fast"))));
    assertThat(draft.services())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.type()).isEqualTo(ServiceType.ACCESS);
              assertThat(s.files()).containsExactly(new FileSource.Upload(UPLOAD));
              assertThat(s.compute()).isEmpty();
            });
  }

  @Test
  void a_compute_service_reads_its_options_in_lower_case_and_is_private_without_them() {
    JsonObject compute =
        Json.createObjectBuilder()
            .add("allowNetworkAccess", true)
            .add(
                "publisherTrustedAlgorithms",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("did", "did:op:" + "D".repeat(64))
                            .add("filesChecksum", CHECKSUM.toUpperCase())))
            .add(
                "publisherTrustedAlgorithmPublishers",
                Json.createArrayBuilder().add(PUBLISHER).add("*"))
            .build();
    JsonObject ddo =
        Ddos.dataset(
            "Data",
            Json.createObjectBuilder(Ddos.service("compute", "compute", UPLOAD))
                .add("compute", compute)
                .build(),
            Ddos.service("plain", "compute", UPLOAD));

    AssetDraft draft = DraftParser.parse(ddo);

    assertThat(draft.services().get(0).compute())
        .contains(
            new ComputeOptions(
                false,
                true,
                List.of(
                    new TrustedAlgorithm(
                        "did:op:" + "d".repeat(64), Optional.of(CHECKSUM), Optional.empty())),
                List.of(PUBLISHER.toLowerCase(), "*")));
    assertThat(draft.services().get(1).compute()).contains(ComputeOptions.privateByDefault());
    assertThat(DraftParser.parseComputeOptions(compute))
        .isEqualTo(draft.services().get(0).compute().orElseThrow());
  }

  @Test
  void a_url_file_may_declare_the_sha256_of_its_content() {
    JsonObject url =
        Json.createObjectBuilder()
            .add("type", "url")
            .add("url", "https://files.example/share/b.csv")
            .add("checksum", CHECKSUM.toUpperCase())
            .add("checksumType", "SHA256")
            .build();
    JsonObject plain =
        Json.createObjectBuilder().add("type", "url").add("url", "https://files.example/a").build();

    AssetDraft draft = DraftParser.parse(Ddos.dataset("Data", urlService(url, plain)));

    assertThat(draft.services().get(0).files())
        .containsExactly(
            new FileSource.Url(
                java.net.URI.create("https://files.example/share/b.csv"), Optional.of(CHECKSUM)),
            new FileSource.Url(java.net.URI.create("https://files.example/a")));
  }

  @Test
  void a_declared_checksum_is_sha256_hex_or_refused() {
    JsonObject bad =
        Json.createObjectBuilder()
            .add("type", "url")
            .add("url", "https://files.example/b.csv")
            .add("checksum", "md5-of-something")
            .add("checksumType", "md5")
            .build();

    assertThat(errors(Ddos.dataset("Data", urlService(bad))))
        .extracting(FieldError::field)
        .containsExactly("services[0].files[0].checksumType", "services[0].files[0].checksum");
  }

  private static JsonObject urlService(JsonObject... files) {
    var list = Json.createArrayBuilder();
    for (JsonObject file : files) {
      list.add(file);
    }
    return Json.createObjectBuilder()
        .add("id", "access")
        .add("type", "access")
        .add("files", list)
        .build();
  }

  @Test
  void every_mistake_is_named_by_its_field_in_the_order_the_ddo_is_read() {
    JsonObject bad = algorithmWith(parameter("1st", "colour"));
    JsonObject metadata = bad.getJsonObject("metadata");
    JsonObject container =
        Json.createObjectBuilder(metadata.getJsonObject("algorithm").getJsonObject("container"))
            .add("entrypoint", "python3 main.py")
            .add("checksum", "md5:0")
            .build();
    JsonObject ddo =
        Json.createObjectBuilder(bad)
            .add(
                "metadata",
                Json.createObjectBuilder(metadata)
                    .add("name", "")
                    .add(
                        "algorithm",
                        Json.createObjectBuilder(metadata.getJsonObject("algorithm"))
                            .add("container", container)))
            .add(
                "services",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder(Ddos.service("access", "access", UPLOAD))
                            .add(
                                "compute",
                                Json.createObjectBuilder()
                                    .add(
                                        "publisherTrustedAlgorithmPublishers",
                                        Json.createArrayBuilder().add("nobody")))))
            .build();

    assertThat(errors(ddo))
        .extracting(FieldError::field)
        .containsExactly(
            "metadata.name",
            "metadata.algorithm.consumerParameters[0].name",
            "metadata.algorithm.consumerParameters[0].type",
            "metadata.algorithm.container.entrypoint",
            "metadata.algorithm.container.checksum",
            "services[0].compute.publisherTrustedAlgorithmPublishers[0]",
            "services[0].compute",
            "services[0].compute");
  }

  @Test
  void compute_options_alone_name_their_mistakes_under_compute() {
    JsonObject compute =
        Json.createObjectBuilder()
            .add("allowRawAlgorithm", "yes")
            .add(
                "publisherTrustedAlgorithms",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("did", "nope")
                            .add("containerSectionChecksum", "xyz")))
            .build();

    assertThat(
            catchThrowableOfType(
                    InvalidDdoException.class, () -> DraftParser.parseComputeOptions(compute))
                .errors())
        .extracting(FieldError::field)
        .containsExactly(
            "compute.allowRawAlgorithm",
            "compute.publisherTrustedAlgorithms[0].did",
            "compute.publisherTrustedAlgorithms[0].containerSectionChecksum");
  }

  @Test
  void compute_options_that_replace_a_services_refuse_fields_they_do_not_know() {
    JsonObject onlyUnknown = Json.createObjectBuilder().add("allowRawAlgorithmm", true).build();
    JsonObject misspeltPin =
        Json.createObjectBuilder()
            .add(
                "publisherTrustedAlgorithms",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("did", "did:op:" + "d".repeat(64))
                            .add("filesChecksun", CHECKSUM)))
            .build();

    assertThat(
            catchThrowableOfType(
                    InvalidDdoException.class, () -> DraftParser.parseComputeOptions(onlyUnknown))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("compute.allowRawAlgorithmm");
    assertThat(
            catchThrowableOfType(
                    InvalidDdoException.class, () -> DraftParser.parseComputeOptions(misspeltPin))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("compute.publisherTrustedAlgorithms[0].filesChecksun");
  }

  @Test
  void compute_options_inside_a_ddo_ignore_fields_ocean_may_add() {
    JsonObject ddo =
        Ddos.dataset(
            "Data",
            Json.createObjectBuilder(Ddos.service("compute", "compute", UPLOAD))
                .add("compute", Json.createObjectBuilder().add("somethingNew", 1))
                .build());

    assertThat(DraftParser.parse(ddo).services().get(0).compute())
        .contains(ComputeOptions.privateByDefault());
  }

  @Test
  void a_price_whose_units_could_not_be_stored_or_paid_is_refused_naming_its_amount() {
    for (String amount : new String[] {"1e999999", "1e59", "0.0000000000000000001", "-1"}) {
      JsonObject ddo =
          Ddos.dataset(
              "Data",
              Json.createObjectBuilder(Ddos.service("access", "access", UPLOAD))
                  .add("price", Json.createObjectBuilder().add("amount", amount))
                  .build());

      assertThat(errors(ddo))
          .as(amount)
          .extracting(FieldError::field)
          .containsExactly("services[0].price.amount");
    }
  }
}
