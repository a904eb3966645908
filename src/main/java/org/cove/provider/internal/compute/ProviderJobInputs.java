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
import org.cove.provider.Reason;
import org.cove.provider.internal.files.FileContents;
import org.cove.shared.Did;

/**
 * Hands a job's inputs to the engine: each dataset's files, decrypted, and the algorithm's code.
 * Checks again that the assets may still be used: a dataset disabled after the job was accepted
 * does not reach its algorithm.
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
      copy(did, input.serviceId(), i, directory.resolve(String.valueOf(i)));
    }
  }

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
    // Ocean's layout has one algorithm file; an algorithm's first file is its code.
    copy(did.value(), serviceId, 0, file);
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

  private void copy(String did, String serviceId, int index, Path target) throws IOException {
    try (FileContents.Content content = contents.open(did, serviceId, index);
        InputStream in = content.stream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
