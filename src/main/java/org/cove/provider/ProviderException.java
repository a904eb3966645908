package org.cove.provider;

import static org.cove.shared.Jsons.JSON;

import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/** Refusals of the provider that are neither bad input nor missing things. */
public class ProviderException extends CoveException {

  public static final ProblemType PAYLOAD_TOO_LARGE =
      new ProblemType("payload-too-large", 413, "The file is too large");
  public static final ProblemType NOT_PERMITTED =
      new ProblemType("not-permitted", 403, "Not permitted by the asset's rules");
  public static final ProblemType PAYMENT_REQUIRED =
      new ProblemType("payment_required", 402, "This service has a price");
  public static final ProblemType CONFLICT = ProblemType.CONFLICT;
  public static final ProblemType FILE_UNAVAILABLE =
      new ProblemType("file-unavailable", 502, "The file cannot be fetched right now");
  public static final ProblemType FILE_CHANGED =
      new ProblemType("file-changed", 409, "The file no longer matches what was published");

  /** An algorithm's file is not the one published (and reviewed): it is neither shown nor run. */
  public static final String ALGORITHM_CHANGED = "algorithm_changed";

  /** A dataset's file does not match the checksum its publisher declared: it is not provided. */
  public static final String DATASET_CHANGED = "dataset_changed";

  public ProviderException(ProblemType type, String detail) {
    super(type, detail);
  }

  /** A permission refusal, naming its reason (e.g. {@code not_trusted_algo}). */
  public static ProviderException refused(Reason reason) {
    return new Refused(reason);
  }

  /**
   * A file whose bytes no longer match their recorded SHA-256, with its reason code ({@link
   * #ALGORITHM_CHANGED} or {@link #DATASET_CHANGED}) as a problem member.
   */
  public static ProviderException changed(String reason, String explanation) {
    return new Changed(reason, explanation);
  }

  /** A changed file, its reason code as a problem member. */
  public static final class Changed extends ProviderException {
    private final String reason;

    Changed(String reason, String explanation) {
      super(FILE_CHANGED, reason + ": " + explanation);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }

    @Override
    public jakarta.json.JsonObject extensions() {
      return JSON.createObjectBuilder().add("reason", reason).build();
    }
  }

  /** A refusal with its reason code as a problem member. */
  public static final class Refused extends ProviderException {
    private final Reason reason;

    Refused(Reason reason) {
      super(NOT_PERMITTED, reason.code() + ": " + reason.explanation());
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }

    @Override
    public jakarta.json.JsonObject extensions() {
      return JSON.createObjectBuilder().add("reason", reason.code()).build();
    }
  }
}
