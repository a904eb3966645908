package org.cove.provider;

import java.util.List;
import java.util.Optional;

/**
 * What a publisher reads before deciding: the algorithm's files as text, and a unified diff against
 * the code approved last for the same algorithm on the same service, if any.
 */
public record CodeReview(
    List<CodeFile> files, Optional<String> diff, Optional<String> comparedWithApproval) {

  public CodeReview {
    files = List.copyOf(files);
  }

  /** One file of the algorithm; binary or oversized content is not shown as text. */
  public record CodeFile(String name, String text, boolean binary, boolean truncated) {}
}
