package org.cove.provider.internal.compute;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.identity.Principal;
import org.cove.operator.Job;
import org.cove.operator.JobEnded;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobResult;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Credentials;
import org.cove.provider.FileSource;
import org.cove.provider.Price;
import org.cove.provider.ProviderException;
import org.cove.provider.ServiceType;
import org.cove.provider.Uploads;
import org.cove.shared.ForbiddenException;
import org.cove.shared.InvalidInputException;
import org.cove.shared.LogSafe;

/**
 * Turns a finished job's outputs into a new dataset owned by the job's owner. The new asset is
 * compute-only and private: the outputs were derived from someone else's data, so they stay on the
 * provider and no algorithm may run on them until the owner allows one.
 */
@ApplicationScoped
class OutputPublisher {

  private static final Logger LOG = Logger.getLogger(OutputPublisher.class.getName());

  private JobRegistry registry;
  private Uploads uploads;
  private Catalogue catalogue;

  @Inject
  OutputPublisher(JobRegistry registry, Uploads uploads, Catalogue catalogue) {
    this.registry = registry;
    this.uploads = uploads;
    this.catalogue = catalogue;
  }

  /** For CDI's proxy. */
  protected OutputPublisher() {}

  /** Publishes the output of a job that asked for it ({@code publishOutput}) as it ends. */
  void onJobEnded(@Observes JobEnded ended) {
    Job job = ended.job();
    if (!job.spec().publishOutput() || job.status() != JobStatus.FINISHED) {
      return;
    }
    try {
      Asset asset =
          publish(
              new Principal(job.spec().owner(), Set.of()), job.id(), "Output of job " + job.id());
      LOG.info("Published the output of job " + job.id() + " as " + asset.did().value());
    } catch (RuntimeException e) {
      LogSafe.log(LOG, Level.WARNING, "Could not publish the output of job " + job.id(), e);
    }
  }

  Asset publish(Principal owner, JobId id, String title) {
    String name = title == null ? "" : title.strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidInputException("title: 1 to 200 characters");
    }
    Job job = registry.get(id, owner.address());
    if (!job.spec().owner().equals(owner.address())) {
      throw new ForbiddenException("only the job's owner may publish its output");
    }
    if (job.status() != JobStatus.FINISHED) {
      throw new ProviderException(
          ProviderException.CONFLICT, "only the output of a job that finished can be published");
    }
    List<FileSource> files = new ArrayList<>();
    for (JobResult result : job.results()) {
      if (result.type() != ResultType.OUTPUT) {
        continue;
      }
      try (InputStream content =
          registry.openResultToPublish(id, result.index(), owner.address())) {
        String filename = result.filename().replace('/', '_').replace('\\', '_');
        files.add(new FileSource.Upload(uploads.store(owner, filename, content).id()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (files.isEmpty()) {
      throw new ProviderException(ProviderException.CONFLICT, "the job wrote no output files");
    }
    AssetDraft draft =
        new AssetDraft(
            AssetType.DATASET,
            name,
            "Output of compute job "
                + id
                + ": algorithm "
                + job.spec().algorithm().label()
                + " on "
                + job.spec().datasets().stream().map(d -> d.did().value()).toList(),
            owner.address().value(),
            "Derived from the datasets above; see their licenses",
            List.of("compute-output"),
            Optional.empty(),
            List.of(
                new AssetDraft.ServiceDraft(
                    "compute",
                    ServiceType.COMPUTE,
                    files,
                    0,
                    Price.FREE,
                    Optional.of(ComputeOptions.privateByDefault()))),
            Credentials.OPEN,
            Optional.empty());
    return catalogue.publish(owner, draft);
  }
}
