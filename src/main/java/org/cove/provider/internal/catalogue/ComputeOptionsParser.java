package org.cove.provider.internal.catalogue;

import static org.cove.provider.internal.catalogue.DraftParser.MAX_LIST;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cove.provider.ComputeOptions;
import org.cove.provider.TrustedAlgorithm;
import org.cove.shared.Address;
import org.cove.shared.Did;

/**
 * Reads a compute service's options in Ocean's {@code compute} shape: raw algorithms, network
 * access, trusted algorithms (a DID or {@code *}, optionally pinned to hex sha256 checksums) and
 * trusted publishers (addresses or {@code *}), all kept in lower case. Errors go to the draft's
 * {@link DdoReader}, named by their field paths.
 */
final class ComputeOptionsParser {

  private static final Pattern CHECKSUM = Pattern.compile("\\*|[0-9a-fA-F]{64,6400}");

  private static final String ALGORITHMS = "publisherTrustedAlgorithms";
  private static final String PUBLISHERS = "publisherTrustedAlgorithmPublishers";
  static final Set<String> FIELDS =
      Set.of("allowRawAlgorithm", "allowNetworkAccess", ALGORITHMS, PUBLISHERS);
  static final Set<String> ALGORITHM_FIELDS =
      Set.of("did", "filesChecksum", "containerSectionChecksum");

  private final DdoReader read;

  ComputeOptionsParser(DdoReader read) {
    this.read = read;
  }

  /**
   * Options that replace a service's whole set (the permissions editor's PUT): every field must be
   * one of Ocean's, in the options and in each trusted algorithm, because a misspelt one would be
   * read as absent and reset a permission (a body of unknown fields alone emptied them all).
   * Options inside a DDO are read as Ocean's readers do, ignoring fields they do not know.
   */
  ComputeOptions parseReplacement(JsonObject compute, String path) {
    read.onlyKnownFields(compute, path, FIELDS);
    if (compute.get(ALGORITHMS) instanceof JsonArray algorithms) {
      for (int i = 0; i < algorithms.size(); i++) {
        if (algorithms.get(i) instanceof JsonObject algorithm) {
          read.onlyKnownFields(
              algorithm, DdoReader.join(path, ALGORITHMS) + "[" + i + "]", ALGORITHM_FIELDS);
        }
      }
    }
    return parse(compute, path);
  }

  ComputeOptions parse(JsonObject compute, String path) {
    boolean raw = read.bool(compute, path, "allowRawAlgorithm", false);
    boolean network = read.bool(compute, path, "allowNetworkAccess", false);
    List<TrustedAlgorithm> algorithms =
        read.list(
            compute,
            path,
            ALGORITHMS,
            false,
            MAX_LIST,
            (value, at) -> read.object(value, at).flatMap(a -> trustedAlgorithm(a, at)));
    List<String> publishers =
        read.list(
            compute,
            path,
            PUBLISHERS,
            false,
            MAX_LIST,
            (value, at) -> read.string(value, at, 42).flatMap(p -> publisher(p, at)));
    return new ComputeOptions(raw, network, algorithms, publishers);
  }

  private Optional<TrustedAlgorithm> trustedAlgorithm(JsonObject entry, String path) {
    Optional<String> did = read.text(entry, path, "did", true, 71);
    did.filter(d -> !d.equals(TrustedAlgorithm.ANY) && !Did.isDid(d))
        .ifPresent(d -> read.error(path + ".did", "must be a DID or *"));
    Optional<String> files = checksum(entry, path, "filesChecksum");
    Optional<String> container = checksum(entry, path, "containerSectionChecksum");
    return did.filter(d -> d.equals(TrustedAlgorithm.ANY) || Did.isDid(d))
        .map(d -> new TrustedAlgorithm(d.toLowerCase(Locale.ROOT), files, container));
  }

  private Optional<String> checksum(JsonObject entry, String path, String field) {
    Optional<String> checksum = read.text(entry, path, field, false, 6400);
    if (checksum.isPresent() && !CHECKSUM.matcher(checksum.get()).matches()) {
      read.error(path + "." + field, "must be hex sha256 digests or *");
      return Optional.empty();
    }
    return checksum.map(c -> c.toLowerCase(Locale.ROOT));
  }

  private Optional<String> publisher(String publisher, String path) {
    if (publisher.equals(TrustedAlgorithm.ANY)) {
      return Optional.of(publisher);
    }
    if (!Address.isAddress(publisher)) {
      read.error(path, "must be an address or *");
      return Optional.empty();
    }
    return Optional.of(publisher.toLowerCase(Locale.ROOT));
  }
}
