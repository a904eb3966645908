package org.cove.engine.internal.kubernetes;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.cove.engine.internal.core.Eventually;
import org.cove.engine.internal.core.Specs;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;
import org.cove.shared.Address;

/**
 * The kubernetes engine on the mock API server, the test playing kubelet: (1) the stage-to-stage
 * gap, from the moment a pod's success is written to the moment the next stage's pod is seen
 * created (bars: p95 ≤ 200 ms, p99 ≤ 1 s); (2) jobs driven to completion per second by the worker
 * pool; (3) with N finished ComputeJobs in the informer cache, the heap used and the latency of a
 * new job's first reconcile (submit → configure pod seen), and the time to list one owner's jobs
 * (the jobs spread over {@value #OWNERS} owners), to list the jobs on one publisher's datasets
 * (spread the same way) and to count an environment's unfinished jobs, each through its index and
 * by walking every job. Prints its figures; asserts nothing. Arguments: jobs for (1)/(2) (default
 * 100), resources in the cache for (3) (default 10000).
 */
public final class KubernetesEngineBenchmark {

  static final int SEQUENTIAL = 50;

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int cached = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dataDir = Files.createTempDirectory("cove-k8s-benchmark");
    try {
      gapsAndThroughput(dataDir.resolve("a"), jobs);
      cache(dataDir.resolve("b"), cached);
    } finally {
      Trees.deleteRecursively(dataDir);
    }
    System.exit(0);
  }

  private static void gapsAndThroughput(Path dataDir, int jobs) {
    try (KubeFixture kube = new KubeFixture(dataDir)) {
      KubernetesBackend[] engine = {null};
      engine[0] = kube.engine(KubeFixture.settings());
      engine[0].runtime().startController();
      try (AutoKubelet kubelet = new AutoKubelet(kube, () -> engine[0])) {
        run(kube, engine[0], 5); // warm-up
        // the gap of one job at a time: the engine's own reaction, not a queue
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
          JobId id = run(kube, engine[0], 1).get(0);
          gap(kubelet, id, Stage.CONFIGURE, Stage.ALGORITHM, gaps);
          gap(kubelet, id, Stage.ALGORITHM, Stage.PUBLISH, gaps);
        }
        long start = System.nanoTime();
        List<JobId> ids = run(kube, engine[0], jobs);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> loaded = new ArrayList<>();
        for (JobId id : ids) {
          gap(kubelet, id, Stage.CONFIGURE, Stage.ALGORITHM, loaded);
          gap(kubelet, id, Stage.ALGORITHM, Stage.PUBLISH, loaded);
        }
        Collections.sort(loaded);
        System.out.printf(
            "stage-to-stage gap with %d jobs in flight: median %d ms, p95 %d ms, p99 %d ms%n",
            jobs,
            loaded.get(loaded.size() / 2),
            percentile(loaded, 0.95),
            percentile(loaded, 0.99));
        Collections.sort(gaps);
        System.out.printf(
            "stage-to-stage gap, one job at a time, %d gaps: median %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
            gaps.size(),
            gaps.get(gaps.size() / 2),
            percentile(gaps, 0.95),
            percentile(gaps, 0.99),
            gaps.get(gaps.size() - 1));
        System.out.printf(
            "throughput: %d jobs submitted at once, all at 70 after %.1f s: %.2f jobs/s%n",
            jobs, seconds, jobs / seconds);
      }
    }
  }

  private static List<JobId> run(KubeFixture kube, KubernetesBackend engine, int jobs) {
    List<JobId> ids = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      ids.add(kube.submit(engine, Specs.python("print(" + i + ")").build()));
    }
    for (JobId id : ids) {
      Eventually.until(
          "job " + id + " finished",
          Duration.ofMinutes(10),
          () -> kube.statusCode(id) == JobStatus.FINISHED.code());
    }
    return ids;
  }

  private static void gap(AutoKubelet kubelet, JobId id, Stage from, Stage to, List<Long> gaps) {
    Long ended = kubelet.endedAt.get(JobNames.pod(id, from, 1));
    Long created = kubelet.createdAt.get(JobNames.pod(id, to, 1));
    if (ended != null && created != null) {
      gaps.add(Math.max(0, (created - ended) / 1_000_000));
    }
  }

  private static void cache(Path dataDir, int cached) throws Exception {
    try (KubeFixture kube = new KubeFixture(dataDir)) {
      JobSpec spec = Specs.python("1").build();
      ExecutorService pool = Executors.newFixedThreadPool(4, KubeFixture.daemons());
      long start = System.nanoTime();
      for (int i = 0; i < cached; i++) {
        JobSpec owned = ownedBy(spec, owner(i % OWNERS), owner(i / OWNERS % OWNERS));
        pool.execute(() -> createFinished(kube, owned));
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.HOURS);
      System.out.printf(
          "created %d finished ComputeJobs in %.1f s%n", cached, (System.nanoTime() - start) / 1e9);
      long before = usedHeap();
      KubernetesBackend engine = kube.engine(KubeFixture.settings());
      long synced = System.nanoTime();
      Eventually.until(
          "the cache holds them all",
          Duration.ofMinutes(10),
          () -> engine.jobs().jobs().size() >= cached);
      System.out.printf(
          "informer cache of %d jobs filled in %.1f s; heap used %d MB more%n",
          cached, (System.nanoTime() - synced) / 1e9, (usedHeap() - before) / (1024 * 1024));
      engine.runtime().startController();
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long t = System.nanoTime();
        JobId id = kube.submit(engine, spec);
        Eventually.until(
            "the configure pod",
            Duration.ofMinutes(5),
            () -> kube.pod(id, Stage.CONFIGURE).isPresent());
        latencies.add((System.nanoTime() - t) / 1_000_000);
      }
      Collections.sort(latencies);
      System.out.printf(
          "with %d jobs cached, submit -> configure pod (first reconcile), 20 jobs: median %d ms,"
              + " p95 %d ms, max %d ms%n",
          cached,
          latencies.get(latencies.size() / 2),
          percentile(latencies, 0.95),
          latencies.get(latencies.size() - 1));
      indexedLookups(engine, cached, spec.environment());
    }
  }

  /** The jobs are spread over this many owners, so one owner has cached / OWNERS of them. */
  static final int OWNERS = 100;

  static final int LISTINGS = 15;

  /**
   * What the engine answers from its informer's indexes, each both ways: through the index, and by
   * walking (and converting) every cached job as the engine's default does. One owner's jobs, the
   * jobs on one publisher's datasets, and the environment's unfinished jobs that every start
   * counts.
   */
  private static void indexedLookups(KubernetesBackend engine, int cached, String environment) {
    Address someone = owner(7);
    report(
        cached + " jobs cached over " + OWNERS + " owners, one owner's jobs listed",
        alternate(
            () -> engine.jobs().jobsOf(someone).size(),
            () -> engine.jobs().jobs(s -> s.owner().equals(someone), false).size()));
    report(
        cached + " jobs cached on " + OWNERS + " publishers' datasets, one publisher's listed",
        alternate(
            () -> engine.jobs().jobsOnDatasetsOf(someone).size(),
            () -> engine.jobs().jobs(s -> s.onDatasetsOf(someone), false).size()));
    report(
        cached + " finished jobs cached, the environment's unfinished jobs counted",
        alternate(
            () -> engine.jobs().unfinishedJobs(environment),
            () -> engine.jobs().jobs(s -> s.environment().equals(environment), true).size()));
  }

  private static void report(String what, Alternated times) {
    System.out.printf(
        "%s (%d), %d times each: index median %.3f ms (min %.3f, max %.3f); walking every job"
            + " median %.1f ms (min %.1f, max %.1f); %.0fx%n",
        what,
        times.answer(),
        LISTINGS,
        median(times.first()),
        times.first().get(0) / 1000.0,
        max(times.first()),
        median(times.second()),
        times.second().get(0) / 1000.0,
        max(times.second()),
        median(times.second()) / Math.max(0.001, median(times.first())));
  }

  /** Two ways to the same answer, and each way's times in microseconds, sorted. */
  record Alternated(long answer, List<Long> first, List<Long> second) {}

  /**
   * Times both ways {@value #LISTINGS} times in the same run, alternating, after two warm-up
   * rounds; fails if they ever disagree.
   */
  private static Alternated alternate(LongSupplier first, LongSupplier second) {
    List<Long> firstTimes = new ArrayList<>();
    List<Long> secondTimes = new ArrayList<>();
    long answer = 0;
    for (int i = 0; i < LISTINGS + 2; i++) {
      long t = System.nanoTime();
      answer = first.getAsLong();
      long a = (System.nanoTime() - t) / 1_000;
      t = System.nanoTime();
      long other = second.getAsLong();
      long b = (System.nanoTime() - t) / 1_000;
      if (other != answer) {
        throw new IllegalStateException("the two ways differ: " + answer + " vs " + other);
      }
      if (i >= 2) {
        firstTimes.add(a);
        secondTimes.add(b);
      }
    }
    Collections.sort(firstTimes);
    Collections.sort(secondTimes);
    return new Alternated(answer, firstTimes, secondTimes);
  }

  /** Of sorted microseconds, in milliseconds. */
  private static double median(List<Long> micros) {
    return micros.get(micros.size() / 2) / 1000.0;
  }

  private static double max(List<Long> micros) {
    return micros.get(micros.size() - 1) / 1000.0;
  }

  private static Address owner(int i) {
    return new Address(String.format("0x%040x", i + 1));
  }

  /** The spec, owned by {@code owner}, on datasets {@code publisher} published. */
  private static JobSpec ownedBy(JobSpec spec, Address owner, Address publisher) {
    return new JobSpec(
        owner,
        spec.datasets().stream()
            .map(d -> new JobSpec.Input(d.did(), d.serviceId(), publisher))
            .toList(),
        spec.algorithm(),
        spec.environment(),
        spec.resources(),
        spec.maxDuration(),
        spec.algoCustomData(),
        spec.additionalViewers(),
        spec.allowNetwork(),
        spec.publishOutput());
  }

  private static void createFinished(KubeFixture kube, JobSpec spec) {
    ComputeJob job = ComputeJobs.resource(JobId.random(), spec, Instant.now());
    ComputeJob created =
        kube.client
            .resources(ComputeJob.class)
            .inNamespace(KubeFixture.NAMESPACE)
            .resource(job)
            .create();
    ComputeJobStatus status = new ComputeJobStatus();
    status.statusCode = JobStatus.FINISHED.code();
    status.statusText = JobStatus.FINISHED.text();
    status.phase = "Succeeded";
    status.timeline.put("1", Instant.now().toString());
    status.timeline.put("70", Instant.now().toString());
    status.ledgered = true;
    created.setStatus(status);
    kube.client
        .resources(ComputeJob.class)
        .inNamespace(KubeFixture.NAMESPACE)
        .resource(created)
        .updateStatus();
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1));
  }
}
