package org.cove.provider.internal.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.cove.identity.Accounts;
import org.cove.identity.DemoAccount;
import org.cove.identity.DemoAccounts;
import org.cove.identity.Principal;
import org.cove.identity.Role;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetDraft.ServiceDraft;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.ComputeOptions;
import org.cove.provider.ConsumerParameter;
import org.cove.provider.Container;
import org.cove.provider.Credentials;
import org.cove.provider.FileSource;
import org.cove.provider.Price;
import org.cove.provider.ServiceType;
import org.cove.provider.Uploads;

/**
 * The embedded default's demo catalogue, seeded once: a small weather dataset owned by the demo
 * publisher (compute only, private by default) and a summary-statistics algorithm owned by the demo
 * consumer, with no permission between them, so the approval flow can be tried at once.
 */
@ApplicationScoped
class DemoCatalogue {

  private static final Logger LOG = Logger.getLogger(DemoCatalogue.class.getName());

  /**
   * The demo algorithm names a python image pinned by digest as every algorithm must; the local
   * engine maps python images to the machine's python3, so this digest is illustrative.
   */
  static final String DEMO_IMAGE_DIGEST =
      "sha256:4f5c7e1b2a9d8c3e6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60";

  private DemoAccounts demoAccounts;
  private Accounts accounts;
  private Uploads uploads;
  private Catalogue catalogue;

  @Inject
  DemoCatalogue(
      DemoAccounts demoAccounts, Accounts accounts, Uploads uploads, Catalogue catalogue) {
    this.demoAccounts = demoAccounts;
    this.accounts = accounts;
    this.uploads = uploads;
    this.catalogue = catalogue;
  }

  /** For CDI's proxy. */
  protected DemoCatalogue() {}

  void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Optional<Principal> publisher = demo(Role.PUBLISHER);
    Optional<Principal> consumer = demo(Role.CONSUMER);
    if (publisher.isEmpty() || consumer.isEmpty() || alreadySeeded(publisher.get())) {
      return;
    }
    publishDataset(publisher.get());
    publishAlgorithm(consumer.get());
    LOG.info("Seeded the demo catalogue: a weather dataset and a summary-statistics algorithm");
  }

  private Optional<Principal> demo(Role role) {
    return demoAccounts.list().stream()
        .filter(a -> a.role() == role)
        .map(DemoAccount::address)
        .map(accounts::principal)
        .findFirst();
  }

  private boolean alreadySeeded(Principal publisher) {
    CatalogueQuery mine =
        new CatalogueQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(publisher.address()),
            true,
            0,
            1);
    return catalogue.search(mine).total() > 0;
  }

  private void publishDataset(Principal publisher) {
    String file = "weather-norway-2025-11.csv";
    FileSource data = upload(publisher, file);
    catalogue.publish(
        publisher,
        new AssetDraft(
            AssetType.DATASET,
            "Norwegian weather stations, November 2025 (demo)",
            "Daily temperature, humidity and wind of five Norwegian weather stations. A demo"
                + " dataset: compute only, and no algorithm may run on it until its publisher"
                + " allows one.",
            "Cove demo publisher",
            "CC-BY-4.0",
            List.of("weather", "demo", "csv"),
            Optional.empty(),
            List.of(
                new ServiceDraft(
                    "compute",
                    ServiceType.COMPUTE,
                    List.of(data),
                    0,
                    Price.FREE,
                    Optional.of(ComputeOptions.privateByDefault()))),
            Credentials.OPEN,
            Optional.empty()));
  }

  private void publishAlgorithm(Principal consumer) {
    FileSource code = upload(consumer, "summary_statistics.py");
    AlgorithmMetadata algorithm =
        new AlgorithmMetadata(
            "python",
            "3",
            new Container("python3 $ALGO", "python", "3.12-slim", DEMO_IMAGE_DIGEST),
            List.of(
                new ConsumerParameter(
                    "precision",
                    ConsumerParameter.Type.NUMBER,
                    "Decimal places",
                    false,
                    "How many decimal places to round the statistics to",
                    Optional.of("4"),
                    List.of())));
    catalogue.publish(
        consumer,
        new AssetDraft(
            AssetType.ALGORITHM,
            "Summary statistics (demo)",
            "Count, mean, minimum, quartiles and maximum of every numeric column of every CSV"
                + " input, written to summary.json. Python standard library only.",
            "Cove demo consumer",
            "MIT",
            List.of("statistics", "demo", "csv"),
            Optional.of(algorithm),
            List.of(
                new ServiceDraft(
                    "access", ServiceType.ACCESS, List.of(code), 0, Price.FREE, Optional.empty()),
                new ServiceDraft(
                    "compute",
                    ServiceType.COMPUTE,
                    List.of(code),
                    0,
                    Price.FREE,
                    Optional.empty())),
            Credentials.OPEN,
            Optional.empty()));
  }

  private FileSource upload(Principal owner, String name) {
    try (InputStream content = getClass().getResourceAsStream("/demo/" + name)) {
      if (content == null) {
        throw new IllegalStateException("the demo file " + name + " is missing from the build");
      }
      return new FileSource.Upload(uploads.store(owner, name, content).id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
