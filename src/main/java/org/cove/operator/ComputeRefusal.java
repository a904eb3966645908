package org.cove.operator;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/**
 * A compute request that cannot be served as asked, with a stable reason code clients can act on:
 * {@code environment_not_found}, {@code not_enough_resources}, {@code max_jobs_reached}, …
 */
public class ComputeRefusal extends CoveException {

  public static final ProblemType COMPUTE_REFUSED =
      new ProblemType("compute-refused", 400, "The compute request cannot be served");

  public static final ProblemType CAPACITY =
      new ProblemType("compute-capacity", 429, "The environment is fully booked");

  private final String reason;

  public ComputeRefusal(ProblemType type, String reason, String detail) {
    super(type, detail);
    this.reason = reason;
  }

  public static ComputeRefusal of(String reason, String detail) {
    return new ComputeRefusal(COMPUTE_REFUSED, reason, detail);
  }

  public String reason() {
    return reason;
  }

  @Override
  public JsonObject extensions() {
    return JSON.createObjectBuilder().add("reason", reason).build();
  }
}
