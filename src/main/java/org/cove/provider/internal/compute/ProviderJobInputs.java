package org.cove.provider.internal.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.cove.operator.JobSpec;
import org.cove.operator.spi.JobInputs;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.Permissions;
import org.cove.provider.ProviderException;
import org.cove.provider.Reason;
import org.cove.provider.internal.files.ChangedFileException;
import org.cove.provider.internal.files.FileContents;
import org.cove.shared.Did;

/**
 * Hands a job's inputs to the engine: each dataset's files, decrypted, and the algorithm's code.
 * Checks again that the assets may still be used: a dataset disabled after the job was accepted
 * does not reach its algorithm. A file that no longer matches what was published (or, for a
 * dataset, the checksum its publisher declared) is not handed over: the job fails before its
 * algorithm starts, with {@code algorithm_changed} or {@code dataset_changed} as its reason.
 */
@ApplicationScoped
class ProviderJobInputs implements JobInputs {

  private Catalogue catalogue;
  private FileContents contents;

  @Inject
  ProviderJobInputs(Catalogue catalogue, FileContents contents) {
    this.catalogue = catalogue;
    this.contents = contents;
  }

  /** For CDI's proxy. */
  protected ProviderJobInputs() {}

  @Override
  public void writeDataset(JobSpec spec, JobSpec.Input input, Path directory) throws IOException {
    Asset dataset = usable(input.did(), spec);
    if (dataset.service(input.serviceId()).isEmpty()) {
      throw new IOException("the dataset no longer has service " + input.serviceId());
    }
    String did = input.did().value();
    int count = contents.count(did, input.serviceId());
    for (int i = 0; i < count; i++) {
      try {
        copy(did, input.serviceId(), i, directory.resolve(String.valueOf(i)));
      } catch (ChangedFileException e) {
        throw ProviderException.changed(
            ProviderException.DATASET_CHANGED,
            "file " + i + " of the dataset does not match the checksum its publisher declared");
      }
    }
  }

  /**
   * Writes the algorithm's code: the first file of the service the job names (Ocean's layout has
   * one algorithm file), which must be the very file whose checksum was reviewed and trusted, the
   * first of the algorithm's first service.
   */
  @Override
  public void writeAlgorithm(JobSpec spec, Path file) throws IOException {
    JobSpec.Algorithm algorithm = spec.algorithm();
    if (algorithm.raw()) {
      Files.writeString(file, algorithm.rawCode().orElse(""), StandardCharsets.UTF_8);
      return;
    }
    Did did = algorithm.did().orElseThrow();
    Asset asset = usable(did, spec);
    String serviceId = algorithm.serviceId().orElse(asset.services().get(0).id());
    Optional<String> written;
    try {
      written = copy(did.value(), serviceId, 0, file);
    } catch (ChangedFileException e) {
      throw algorithmChanged("the algorithm's code no longer matches what was published");
    }
    if (written.isEmpty() || !written.equals(reviewed(asset))) {
      Files.deleteIfExists(file);
      throw algorithmChanged(
          "the code of its service " + serviceId + " is not the code its checksum covers");
    }
  }

  /** The SHA-256 of the algorithm's first file: where its files checksum (the reviewed) starts. */
  private static Optional<String> reviewed(Asset algorithm) {
    return algorithm.filesChecksum().filter(c -> c.length() >= 64).map(c -> c.substring(0, 64));
  }

  private static ProviderException algorithmChanged(String explanation) {
    return ProviderException.changed(
        ProviderException.ALGORITHM_CHANGED, explanation + "; it did not run");
  }

  /** The job judged again as a start would be now ({@link Readmission}). */
  @Override
  public Optional<String> refusal(JobSpec spec) {
    return Readmission.refusal(spec, catalogue.getAll(Readmission.didsOf(spec)))
        .map(reason -> Readmission.message(reason, false));
  }

  private Asset usable(Did did, JobSpec spec) throws IOException {
    Asset asset = catalogue.get(did);
    if (Permissions.usable(asset, spec.owner()).isPresent()) {
      throw new IOException(did.value() + " may no longer be used: " + explain(asset, spec));
    }
    return asset;
  }

  private static String explain(Asset asset, JobSpec spec) {
    return Permissions.usable(asset, spec.owner()).map(Reason::explanation).orElse("");
  }

  /**
   * Copies the file to {@code target} and returns the SHA-256 its bytes were checked against, if it
   * is pinned; a file that fails the check is not left behind.
   */
  private Optional<String> copy(String did, String serviceId, int index, Path target)
      throws IOException {
    try (FileContents.Content content = contents.open(did, serviceId, index);
        InputStream in = content.stream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return content.pin();
    } catch (ChangedFileException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }
}
