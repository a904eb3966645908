package org.cove.provider;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.cove.shared.Hashes;

/**
 * Test assets with sensible defaults: {@link #dataset()} is an active, open dataset of {@link
 * #DATASET_PUBLISHER} with one private-by-default compute service; {@link #algorithm()} is an
 * active, open, public (downloadable) Python algorithm of {@link #ALGORITHM_PUBLISHER} whose
 * checksums are computed as Ocean computes them. Every {@code withX} returns a new builder, so a
 * test can derive variants from one base.
 */
public final class Assets {

  public static final Address DATASET_PUBLISHER = Address.parse("0x" + "da7a".repeat(10));
  public static final Address ALGORITHM_PUBLISHER = Address.parse("0x" + "a190".repeat(10));
  public static final Address CONSUMER = Address.parse("0x" + "c0de".repeat(10));
  public static final Address SOMEONE_ELSE = Address.parse("0x" + "0be5".repeat(10));

  /** The id of the compute service a default dataset or private algorithm has. */
  public static final String COMPUTE = "compute";

  /** The id of the access (download) service a default public algorithm has. */
  public static final String ACCESS = "access";

  public static final String CODE = "import pandas\nprint(pandas.read_csv('/data/inputs/0'))\n";
  public static final Container CONTAINER =
      new Container(
          "python $ALGO", "python", "3.12-slim", "sha256:" + Hashes.sha256Hex("python:3.12"));

  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");

  private Assets() {}

  public static Builder dataset() {
    return new Builder(
        did("dataset"),
        DATASET_PUBLISHER,
        AssetType.DATASET,
        "Dataset",
        Optional.empty(),
        List.of(computeService(COMPUTE, ComputeOptions.privateByDefault())),
        Credentials.OPEN,
        AssetState.ACTIVE,
        Optional.empty());
  }

  public static Builder algorithm() {
    return new Builder(
            did("algorithm"),
            ALGORITHM_PUBLISHER,
            AssetType.ALGORITHM,
            "Algorithm",
            Optional.of(new AlgorithmMetadata("python", "3.12", CONTAINER, List.of())),
            List.of(accessService(ACCESS)),
            Credentials.OPEN,
            AssetState.ACTIVE,
            Optional.empty())
        .withCode(CODE);
  }

  /** A DID derived from {@code name}, so the same name always gives the same DID. */
  public static Did did(String name) {
    return new Did("did:op:" + Hashes.sha256Hex(name));
  }

  /** Ocean's filesChecksum: the sha256 hex of each file's content, concatenated in file order. */
  public static String filesChecksum(String... files) {
    return Arrays.stream(files).map(Hashes::sha256Hex).collect(Collectors.joining());
  }

  public static Service accessService(String id) {
    return new Service(id, ServiceType.ACCESS, 1, 0, Price.FREE, Optional.empty());
  }

  public static Service computeService(String id, ComputeOptions options) {
    return new Service(id, ServiceType.COMPUTE, 1, 3600, Price.FREE, Optional.of(options));
  }

  /** A compute service whose DDO has no {@code compute} object at all. */
  public static Service computeServiceWithoutOptions(String id) {
    return new Service(id, ServiceType.COMPUTE, 1, 3600, Price.FREE, Optional.empty());
  }

  /** Compute options that allow nothing; add to them with the {@code with} methods. */
  public static ComputeOptionsBuilder computeOptions() {
    return new ComputeOptionsBuilder(false, false, List.of(), List.of());
  }

  /**
   * The entry an approval adds: the algorithm's DID pinned to its checksums as they are now, so any
   * later change to its code or container voids it.
   */
  public static TrustedAlgorithm pinnedTo(Asset algorithm) {
    return new TrustedAlgorithm(
        algorithm.did().value(),
        algorithm.filesChecksum(),
        algorithm.metadata().algorithm().map(a -> a.container().sectionChecksum()));
  }

  /** An entry for {@code did} (or {@code *}) that does not pin the checksums. */
  public static TrustedAlgorithm unpinned(String did) {
    return new TrustedAlgorithm(did, Optional.empty(), Optional.empty());
  }

  /** A dataset or an algorithm, built only when {@link #build()} is called. */
  public record Builder(
      Did did,
      Address publisher,
      AssetType type,
      String name,
      Optional<AlgorithmMetadata> algorithm,
      List<Service> services,
      Credentials credentials,
      AssetState state,
      Optional<String> filesChecksum) {

    public Asset build() {
      Metadata metadata =
          new Metadata(
              type,
              name,
              name + " for tests",
              "Cove",
              "MIT",
              List.of(),
              CREATED,
              CREATED,
              algorithm);
      return new Asset(
          did, publisher, metadata, services, credentials, state, filesChecksum, false);
    }

    public Builder withDid(Did did) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withPublisher(Address publisher) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withType(AssetType type) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withName(String name) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withServices(Service... services) {
      return new Builder(
          did,
          publisher,
          type,
          name,
          algorithm,
          List.of(services),
          credentials,
          state,
          filesChecksum);
    }

    /** Replaces the services with one compute service ({@link #COMPUTE}) with these options. */
    public Builder withCompute(ComputeOptions options) {
      return withServices(computeService(COMPUTE, options));
    }

    public Builder withCompute(ComputeOptionsBuilder options) {
      return withCompute(options.build());
    }

    /** An algorithm only for compute, not downloadable: Ocean's private algorithm. */
    public Builder asPrivateAlgorithm() {
      return withServices(computeServiceWithoutOptions(COMPUTE));
    }

    public Builder withState(AssetState state) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder disabled() {
      return withState(AssetState.DISABLED);
    }

    public Builder withCredentials(Credentials credentials) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withAllowList(Address... allowed) {
      return withCredentials(new Credentials(Set.of(allowed), credentials.deny()));
    }

    public Builder withDenyList(Address... denied) {
      return withCredentials(new Credentials(credentials.allow(), Set.of(denied)));
    }

    /** The algorithm's files; sets the files checksum the way Cove computes it at publish time. */
    public Builder withCode(String... files) {
      return withFilesChecksum(Optional.of(Assets.filesChecksum(files)));
    }

    public Builder withFilesChecksum(Optional<String> filesChecksum) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withAlgorithmMetadata(Optional<AlgorithmMetadata> algorithm) {
      return new Builder(
          did, publisher, type, name, algorithm, services, credentials, state, filesChecksum);
    }

    public Builder withContainer(Container container) {
      AlgorithmMetadata current = algorithm.orElseThrow();
      return withAlgorithmMetadata(
          Optional.of(
              new AlgorithmMetadata(
                  current.language(), current.version(), container, current.consumerParameters())));
    }

    public Builder withEntrypoint(String entrypoint) {
      Container c = algorithm.orElseThrow().container();
      return withContainer(new Container(entrypoint, c.image(), c.tag(), c.checksum()));
    }

    /** A new image for the container, pinned by its digest ("sha256:…"). */
    public Builder withImageDigest(String checksum) {
      Container c = algorithm.orElseThrow().container();
      return withContainer(new Container(c.entrypoint(), c.image(), c.tag(), checksum));
    }
  }

  /** Compute options, built only when {@link #build()} is called. */
  public record ComputeOptionsBuilder(
      boolean allowRawAlgorithm,
      boolean allowNetworkAccess,
      List<TrustedAlgorithm> trustedAlgorithms,
      List<String> trustedPublishers) {

    public ComputeOptions build() {
      return new ComputeOptions(
          allowRawAlgorithm, allowNetworkAccess, trustedAlgorithms, trustedPublishers);
    }

    public ComputeOptionsBuilder withRawAlgorithms() {
      return new ComputeOptionsBuilder(
          true, allowNetworkAccess, trustedAlgorithms, trustedPublishers);
    }

    public ComputeOptionsBuilder withNetworkAccess() {
      return new ComputeOptionsBuilder(
          allowRawAlgorithm, true, trustedAlgorithms, trustedPublishers);
    }

    public ComputeOptionsBuilder withTrustedAlgorithms(TrustedAlgorithm... entries) {
      return new ComputeOptionsBuilder(
          allowRawAlgorithm, allowNetworkAccess, List.of(entries), trustedPublishers);
    }

    /** Addresses in any letter case, or {@code *}. */
    public ComputeOptionsBuilder withTrustedPublishers(String... publishers) {
      return new ComputeOptionsBuilder(
          allowRawAlgorithm, allowNetworkAccess, trustedAlgorithms, List.of(publishers));
    }
  }
}
