package org.cove.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** DDOs as publishers send them, for tests. */
public final class Ddos {

  /** A digest-shaped image checksum for test algorithms. */
  public static final String IMAGE_CHECKSUM = "sha256:" + "ab".repeat(32);

  private Ddos() {}

  public static JsonObject dataset(String name, JsonObject... services) {
    return Json.createObjectBuilder()
        .add("metadata", metadata("dataset", name))
        .add("services", array(services))
        .build();
  }

  public static JsonObject algorithm(String name, JsonObject... services) {
    JsonObjectBuilder metadata =
        Json.createObjectBuilder(metadata("dataset", name))
            .add("type", "algorithm")
            .add(
                "algorithm",
                Json.createObjectBuilder()
                    .add("language", "python")
                    .add("version", "3")
                    .add(
                        "container",
                        Json.createObjectBuilder()
                            .add("entrypoint", "python3 $ALGO")
                            .add("image", "python")
                            .add("tag", "3.12-slim")
                            .add("checksum", IMAGE_CHECKSUM)));
    return Json.createObjectBuilder()
        .add("metadata", metadata)
        .add("services", array(services))
        .build();
  }

  public static JsonObject service(String id, String type, String uploadId) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", type)
        .add(
            "files",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "upload").add("id", uploadId)))
        .build();
  }

  /** A compute service whose publisher lets every algorithm of {@code trustedPublisher} run. */
  public static JsonObject computeServiceTrusting(String uploadId, String trustedPublisher) {
    return Json.createObjectBuilder(service("compute", "compute", uploadId))
        .add(
            "compute",
            Json.createObjectBuilder()
                .add(
                    "publisherTrustedAlgorithmPublishers",
                    Json.createArrayBuilder().add(trustedPublisher)))
        .build();
  }

  private static JsonObject metadata(String type, String name) {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("name", name)
        .add("description", "made by a test")
        .add("author", "Cove tests")
        .add("license", "MIT")
        .add("tags", Json.createArrayBuilder().add("test"))
        .build();
  }

  private static JsonArray array(JsonObject... items) {
    var array = Json.createArrayBuilder();
    for (JsonObject item : items) {
      array.add(item);
    }
    return array.build();
  }
}
