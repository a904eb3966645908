package org.cove.engine.internal.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cove.engine.internal.core.Specs;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.Job;
import org.cove.operator.JobId;

/**
 * The local engine's own overhead: submit → status 70 for an algorithm that does nothing ({@code
 * true} in an alpine image), in the real sandbox, one job at a time, measured from the job's own
 * timeline (created → finished). Bar: median ≤ 1 s. Prints its figures; asserts nothing.
 */
public final class LocalEngineOverheadBenchmark {

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path dataDir = Files.createTempDirectory("cove-engine-benchmark");
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
    try (EngineFixture fixture = new EngineFixture(dataDir, EngineFixture.settings())) {
      run(fixture, 3); // warm-up
      List<Long> millis = run(fixture, runs);
      Collections.sort(millis);
      System.out.printf(
          "no-op job, submit -> 70, %d runs: median %d ms, p90 %d ms, min %d ms, max %d ms%n",
          runs,
          millis.get(runs / 2),
          millis.get((int) Math.ceil(runs * 0.9) - 1),
          millis.get(0),
          millis.get(runs - 1));
    } finally {
      Trees.deleteRecursively(dataDir);
    }
  }

  private static List<Long> run(EngineFixture fixture, int runs) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      JobId id = fixture.submit(Specs.sh("true").build());
      Job job = fixture.awaitFinished(id);
      millis.add(Duration.between(job.dateCreated(), job.dateFinished().orElseThrow()).toMillis());
    }
    return millis;
  }
}
