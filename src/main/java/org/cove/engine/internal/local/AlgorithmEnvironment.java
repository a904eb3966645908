package org.cove.engine.internal.local;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Ocean's algorithms expect ({@code ALGO}, {@code INPUTS}, {@code OUTPUTS}, {@code
 * DIDS}, {@code TRANSFORMATION_DID}) plus {@code HOME} and a {@code PATH} whose first entry holds
 * the runtime's command names. There is no {@code LOGS}: the engine captures stdout and stderr as
 * the algorithm's log, so an algorithm has nowhere else to write logs.
 */
final class AlgorithmEnvironment {

  private AlgorithmEnvironment() {}

  /** The variables for a job whose data directory appears at {@code data} to the algorithm. */
  static Map<String, String> of(Launch launch, String data, String runtime) {
    JsonArrayBuilder dids = JSON.createArrayBuilder();
    launch.datasets().forEach(dids::add);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ALGO", data + "/transformations/algorithm");
    env.put("INPUTS", data + "/inputs");
    env.put("OUTPUTS", data + "/outputs");
    env.put("DIDS", dids.build().toString());
    env.put("TRANSFORMATION_DID", launch.transformationDid());
    env.put("HOME", "/tmp");
    env.put("PATH", runtime + ":/usr/bin:/bin");
    return env;
  }
}
