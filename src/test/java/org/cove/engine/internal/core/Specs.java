package org.cove.engine.internal.core;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cove.operator.JobSpec;
import org.cove.shared.Address;
import org.cove.shared.Did;

/** Job specs for tests: a python algorithm on one dataset unless told otherwise. */
public final class Specs {

  public static final Address OWNER = new Address("0x" + "1".repeat(40));
  public static final Address PUBLISHER = new Address("0x" + "2".repeat(40));
  public static final Address ALGORITHM_PUBLISHER = new Address("0x" + "3".repeat(40));
  public static final Address VIEWER = new Address("0x" + "4".repeat(40));
  public static final Did DATASET = new Did("did:op:" + "a".repeat(64));
  public static final Did SECOND_DATASET = new Did("did:op:" + "b".repeat(64));
  public static final Did ALGORITHM = new Did("did:op:" + "c".repeat(64));

  private String image = "python";
  private String tag = "3.11";
  private String entrypoint = "python $ALGO";
  private String code = "print('hello')";
  private final List<Did> datasets = new ArrayList<>(List.of(DATASET));
  private JsonObject customData = JsonObject.EMPTY_JSON_OBJECT;
  private double ramGb = 1;
  private double diskGb = 1;
  private Duration maxDuration = Duration.ofSeconds(60);
  private boolean network;
  private String environment = "local";
  private Address owner = OWNER;
  private Address datasetPublisher = PUBLISHER;

  public static Specs python(String code) {
    Specs specs = new Specs();
    specs.code = code;
    return specs;
  }

  public static Specs node(String code) {
    return python(code).image("node", "20", "node $ALGO");
  }

  public static Specs sh(String code) {
    return python(code).image("alpine", "3.19", "sh $ALGO");
  }

  public Specs image(String image, String tag, String entrypoint) {
    this.image = image;
    this.tag = tag;
    this.entrypoint = entrypoint;
    return this;
  }

  public Specs dataset(Did did) {
    datasets.add(did);
    return this;
  }

  public Specs customData(JsonObject data) {
    this.customData = data;
    return this;
  }

  public Specs customData(String key, String value) {
    this.customData = Json.createObjectBuilder(customData).add(key, value).build();
    return this;
  }

  public Specs ram(double gb) {
    this.ramGb = gb;
    return this;
  }

  public Specs disk(double gb) {
    this.diskGb = gb;
    return this;
  }

  public Specs maxDuration(Duration duration) {
    this.maxDuration = duration;
    return this;
  }

  public Specs owner(Address account) {
    this.owner = account;
    return this;
  }

  /** Who published every dataset of the job. */
  public Specs publishedBy(Address account) {
    this.datasetPublisher = account;
    return this;
  }

  public Specs environment(String id) {
    this.environment = id;
    return this;
  }

  public Specs network(boolean allowed) {
    this.network = allowed;
    return this;
  }

  public JobSpec build() {
    return new JobSpec(
        owner,
        datasets.stream().map(d -> new JobSpec.Input(d, "compute", datasetPublisher)).toList(),
        new JobSpec.Algorithm(
            Optional.of(ALGORITHM),
            Optional.of("compute"),
            Optional.of(ALGORITHM_PUBLISHER),
            new JobSpec.Container(image, tag, "sha256:" + "0".repeat(64), entrypoint),
            Optional.of(code)),
        environment,
        List.of(
            new JobSpec.ResourceAmount("cpu", 1),
            new JobSpec.ResourceAmount("ram", ramGb),
            new JobSpec.ResourceAmount("disk", diskGb)),
        maxDuration,
        customData,
        Set.of(VIEWER),
        network,
        false);
  }
}
