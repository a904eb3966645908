package org.cove.portal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;

/** Who may run what on a compute service, in plain language, one sentence a line. */
final class PermissionSummary {

  static final String NOTHING = "No algorithm may run on this dataset yet.";

  private PermissionSummary() {}

  /**
   * @param nameOf an algorithm's name by DID, when it is in the catalogue
   */
  static List<String> describe(ComputeOptions options, Function<String, Optional<String>> nameOf) {
    List<String> lines = new ArrayList<>();
    for (TrustedAlgorithm entry : options.trustedAlgorithms()) {
      lines.add(algorithm(entry, nameOf));
    }
    for (String publisher : options.trustedPublishers()) {
      lines.add(
          publisher.equals(TrustedAlgorithm.ANY)
              ? "Any algorithm published on this provider may run."
              : "Any algorithm by " + publisher + " may run, in any version.");
    }
    if (options.allowRawAlgorithm()) {
      lines.add("Raw algorithms (code sent with a job, not published) may run.");
    }
    if (lines.isEmpty()) {
      lines.add(NOTHING);
    } else if (options.allowNetworkAccess()) {
      lines.add("Algorithms may reach the network, where the environment allows it.");
    } else {
      lines.add("Algorithms run without network access.");
    }
    return lines;
  }

  private static String algorithm(
      TrustedAlgorithm entry, Function<String, Optional<String>> nameOf) {
    if (entry.did().equals(TrustedAlgorithm.ANY)) {
      return pinned(entry)
          ? "Any algorithm whose code and container match the pinned checksums may run."
          : "Any algorithm may run.";
    }
    String name = nameOf.apply(entry.did()).map(n -> "“" + n + "”").orElse(entry.did());
    return pinned(entry)
        ? name + " may run, in the version that was reviewed."
        : name + " may run, in any version.";
  }

  private static boolean pinned(TrustedAlgorithm entry) {
    return isPin(entry.filesChecksum()) || isPin(entry.containerSectionChecksum());
  }

  private static boolean isPin(Optional<String> checksum) {
    return checksum.filter(c -> !c.equals(TrustedAlgorithm.ANY)).isPresent();
  }
}
