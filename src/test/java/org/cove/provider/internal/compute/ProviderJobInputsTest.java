package org.cove.provider.internal.compute;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cove.provider.Assets.COMPUTE;
import static org.cove.provider.Assets.CONSUMER;
import static org.cove.provider.Assets.accessService;
import static org.cove.provider.Assets.algorithm;
import static org.cove.provider.Assets.computeService;
import static org.cove.provider.Assets.dataset;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cove.identity.Principal;
import org.cove.operator.JobSpec;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetState;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Price;
import org.cove.provider.ProviderException;
import org.cove.provider.internal.files.TestContents;
import org.cove.shared.Did;
import org.cove.shared.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's inputs as the engine gets them: what was published, or nothing and a reason the consumer
 * reads (the engine ends the job with it before the algorithm starts).
 */
class ProviderJobInputsTest {

  private static final byte[] REVIEWED = "print('mean of every column')\n".getBytes(UTF_8);
  private static final byte[] SWAPPED =
      "import os\nfor f in os.listdir('/data/inputs'): print(open(f).read())\n".getBytes(UTF_8);
  private static final byte[] DATA = "a,b\n1,2\n".getBytes(UTF_8);

  @TempDir Path temp;

  private final Asset data = dataset().build();
  private final Asset code =
      algorithm()
          .withServices(
              accessService("access"), computeService(COMPUTE, ComputeOptions.privateByDefault()))
          .withCode(new String(REVIEWED, UTF_8))
          .build();
  private final TestContents contents = new TestContents();
  private final ProviderJobInputs inputs = new ProviderJobInputs(new Assets(data, code), contents);

  @Test
  void the_published_code_is_written() throws IOException {
    contents.pinned(did(code), "access", REVIEWED, REVIEWED);
    contents.pinned(did(code), COMPUTE, REVIEWED, REVIEWED);
    Path file = temp.resolve("algorithm");

    inputs.writeAlgorithm(spec(COMPUTE), file);

    assertThat(file).hasBinaryContent(REVIEWED);
  }

  @Test
  void code_that_changed_after_publish_is_not_written_and_names_its_reason() {
    contents.pinned(did(code), "access", REVIEWED, REVIEWED);
    contents.pinned(did(code), COMPUTE, REVIEWED, SWAPPED);
    Path file = temp.resolve("algorithm");

    ProviderException.Changed changed =
        catchThrowableOfType(
            ProviderException.Changed.class, () -> inputs.writeAlgorithm(spec(COMPUTE), file));

    assertThat(changed.reason()).isEqualTo("algorithm_changed");
    assertThat(changed.detail()).startsWith("algorithm_changed: ").contains("did not run");
    assertThat(changed.type().status()).isEqualTo(409);
    assertThat(file).doesNotExist();
  }

  @Test
  void a_service_whose_code_is_not_the_reviewed_first_file_is_not_written() {
    // each file matches its own pin, but the compute service's is not the code the checksum covers
    contents.pinned(did(code), "access", REVIEWED, REVIEWED);
    contents.pinned(did(code), COMPUTE, SWAPPED, SWAPPED);
    Path file = temp.resolve("algorithm");

    ProviderException.Changed changed =
        catchThrowableOfType(
            ProviderException.Changed.class, () -> inputs.writeAlgorithm(spec(COMPUTE), file));

    assertThat(changed.reason()).isEqualTo("algorithm_changed");
    assertThat(file).doesNotExist();
  }

  @Test
  void an_unpinned_algorithm_file_is_not_written() {
    contents.pinned(did(code), "access", REVIEWED, REVIEWED);
    contents.file(did(code), COMPUTE, REVIEWED);
    Path file = temp.resolve("algorithm");

    assertThat(
            catchThrowableOfType(
                    ProviderException.Changed.class,
                    () -> inputs.writeAlgorithm(spec(COMPUTE), file))
                .reason())
        .isEqualTo("algorithm_changed");
    assertThat(file).doesNotExist();
  }

  @Test
  void a_dataset_file_that_does_not_match_its_declared_checksum_is_not_provided()
      throws IOException {
    contents.file(did(data), COMPUTE, DATA);
    contents.pinned(did(data), COMPUTE, DATA, "a,b\n1,2\n3,4\n".getBytes(UTF_8));
    Path directory = Files.createDirectories(temp.resolve("inputs"));

    ProviderException.Changed changed =
        catchThrowableOfType(
            ProviderException.Changed.class,
            () -> inputs.writeDataset(spec(COMPUTE), spec(COMPUTE).datasets().get(0), directory));

    assertThat(changed.reason()).isEqualTo("dataset_changed");
    assertThat(directory.resolve("0")).hasBinaryContent(DATA);
    assertThat(directory.resolve("1")).doesNotExist();
  }

  @Test
  void dataset_files_that_match_or_declare_nothing_are_provided() throws IOException {
    contents.file(did(data), COMPUTE, DATA);
    contents.pinned(did(data), COMPUTE, DATA, DATA);
    Path directory = Files.createDirectories(temp.resolve("inputs"));

    inputs.writeDataset(spec(COMPUTE), spec(COMPUTE).datasets().get(0), directory);

    assertThat(directory.resolve("0")).hasBinaryContent(DATA);
    assertThat(directory.resolve("1")).hasBinaryContent(DATA);
  }

  private JobSpec spec(String algorithmService) {
    return new JobSpec(
        CONSUMER,
        List.of(new JobSpec.Input(data.did(), COMPUTE, data.publisher())),
        new JobSpec.Algorithm(
            Optional.of(code.did()),
            Optional.of(algorithmService),
            Optional.of(code.publisher()),
            new JobSpec.Container(
                "python", "3.12-slim", "sha256:" + "0".repeat(64), "python3 $ALGO"),
            Optional.empty()),
        "local",
        List.of(),
        Duration.ofMinutes(1),
        JsonValue.EMPTY_JSON_OBJECT,
        Set.of(),
        false,
        false);
  }

  private static String did(Asset asset) {
    return asset.did().value();
  }

  /** The catalogue's reads, over fixed assets. */
  private record Assets(Map<Did, Asset> byDid) implements Catalogue {
    Assets(Asset... assets) {
      this(List.of(assets).stream().collect(Collectors.toMap(Asset::did, Function.identity())));
    }

    @Override
    public Asset get(Did did) {
      return Optional.ofNullable(byDid.get(did)).orElseThrow(() -> Catalogue.noSuchAsset(did));
    }

    @Override
    public Map<Did, Asset> getAll(Collection<Did> dids) {
      return dids.stream().filter(byDid::containsKey).collect(Collectors.toMap(d -> d, byDid::get));
    }

    @Override
    public Asset publish(Principal publisher, AssetDraft draft) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset update(Principal caller, Did did, AssetDraft draft) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<Asset> search(CatalogueQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset setState(Principal caller, Did did, AssetState state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset setComputeOptions(
        Principal caller, Did did, String serviceId, ComputeOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Asset setPrice(Principal caller, Did did, String serviceId, Price price) {
      throw new UnsupportedOperationException();
    }
  }
}
