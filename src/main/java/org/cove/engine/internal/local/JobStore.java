package org.cove.engine.internal.local;

import static org.cove.shared.Jsons.JSON;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.engine.internal.core.Trees;
import org.cove.operator.JobId;
import org.cove.operator.JobSpec;
import org.cove.shared.LogSafe;

/**
 * The authority on the local engine's jobs: one directory per job under {@code jobs/}, with {@code
 * spec.json} (written once, with the time the job was queued) and {@code state.json} (from the
 * job's first change on; rewritten on every change). Both are written atomically ({@link
 * JsonFiles}). Memory holds a copy for reads; each job's changes are serialised, so concurrent
 * writers never lose an update.
 */
final class JobStore {

  private static final Logger LOG = Logger.getLogger(JobStore.class.getName());

  private static final String QUEUED_AT = "queuedAt";

  /** The state plus the lock that serialises its changes. */
  private static final class Entry {
    final JobSpec spec;
    volatile JobState state;
    // the state in memory has changes the file lacks (guarded by the entry's lock)
    boolean unsaved;

    Entry(JobSpec spec, JobState state) {
      this.spec = spec;
      this.state = state;
    }
  }

  private final Path root;
  private final Map<JobId, Entry> jobs = new ConcurrentHashMap<>();

  // The jobs that have not ended, by environment: admission counts them on every start and must
  // not walk every job the engine still keeps (thousands, most of them long finished).
  private final Map<String, Set<JobId>> unfinished = new ConcurrentHashMap<>();

  JobStore(Path stateDirectory) {
    this.root = stateDirectory.resolve("jobs");
    try {
      Files.createDirectories(root);
      // the sandbox user must pass through to a job's data, never list the jobs
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the engine's state directory", e);
    }
  }

  /** Reads every job from disk; a job without its spec file never finished submitting. */
  void load() {
    jobs.clear();
    unfinished.clear();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        loadOne(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the engine's state directory", e);
    }
  }

  private void loadOne(Path dir) {
    JobId id;
    try {
      id = new JobId(dir.getFileName().toString());
    } catch (RuntimeException e) {
      return;
    }
    try {
      Path specFile = dir.resolve("spec.json");
      Path stateFile = dir.resolve("state.json");
      JsonObject specJson = Files.exists(specFile) ? JsonFiles.read(specFile) : null;
      if (specJson == null || !(Files.exists(stateFile) || specJson.containsKey(QUEUED_AT))) {
        Trees.deleteRecursively(dir); // it never finished submitting
        return;
      }
      JobSpec spec = JobJson.spec(specJson);
      JobState state =
          Files.exists(stateFile)
              ? JobJson.state(JsonFiles.read(stateFile))
              : JobState.queued(Instant.parse(specJson.getString(QUEUED_AT)));
      jobs.put(id, new Entry(spec, state));
      track(id, spec, state);
    } catch (IOException | RuntimeException e) {
      LogSafe.log(LOG, Level.SEVERE, "Job " + id + " cannot be read and is ignored", e);
    }
  }

  /**
   * Stores a new, queued job with one flush: {@code spec.json} carries the time it was queued, and
   * {@code state.json} follows with the job's first change (a job without one is still queued). The
   * start request waits for this flush alone.
   */
  void create(JobId id, JobSpec spec, Instant queuedAt) {
    Path dir = directory(id);
    try {
      Files.createDirectory(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      JsonFiles.writeNew(
          dir.resolve("spec.json"),
          JSON.createObjectBuilder(JobJson.spec(spec)).add(QUEUED_AT, queuedAt.toString()).build());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store job " + id, e);
    }
    JobState state = JobState.queued(queuedAt);
    jobs.put(id, new Entry(spec, state));
    track(id, spec, state);
  }

  Optional<JobSpec> spec(JobId id) {
    return Optional.ofNullable(jobs.get(id)).map(e -> e.spec);
  }

  Optional<JobState> state(JobId id) {
    return Optional.ofNullable(jobs.get(id)).map(e -> e.state);
  }

  /** Applies {@code change} to the job's state and stores the result before returning it. */
  JobState update(JobId id, UnaryOperator<JobState> change) {
    Entry entry = entry(id);
    synchronized (entry) {
      JobState next = change.apply(entry.state);
      if (!next.equals(entry.state) || entry.unsaved) {
        save(id, next);
      }
      entry.state = next;
      entry.unsaved = false;
      track(id, entry.spec, next);
      return next;
    }
  }

  /**
   * Applies {@code change} in memory only, for what may be lost in a crash because it is derived
   * again (which statuses the ledger has: asking it again is harmless). The next {@link #update} or
   * {@link #persist} stores it along.
   */
  JobState remember(JobId id, UnaryOperator<JobState> change) {
    Entry entry = entry(id);
    synchronized (entry) {
      JobState next = change.apply(entry.state);
      entry.unsaved |= !next.equals(entry.state);
      entry.state = next;
      track(id, entry.spec, next);
      return next;
    }
  }

  /** Stores what {@link #remember} changed, if anything. */
  void persist(JobId id) {
    update(id, UnaryOperator.identity());
  }

  private Entry entry(JobId id) {
    Entry entry = jobs.get(id);
    if (entry == null) {
      throw new IllegalStateException("no job " + id);
    }
    return entry;
  }

  private void save(JobId id, JobState state) {
    try {
      JsonFiles.write(directory(id).resolve("state.json"), JobJson.state(state));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the state of job " + id, e);
    }
  }

  private void track(JobId id, JobSpec spec, JobState state) {
    if (state.status().terminal()) {
      untrack(id, spec);
    } else {
      unfinished.computeIfAbsent(spec.environment(), e -> ConcurrentHashMap.newKeySet()).add(id);
    }
  }

  private void untrack(JobId id, JobSpec spec) {
    Set<JobId> ids = unfinished.get(spec.environment());
    if (ids != null) {
      ids.remove(id);
    }
  }

  /** How many of the environment's jobs have not ended. */
  int unfinished(String environment) {
    Set<JobId> ids = unfinished.get(environment);
    return ids == null ? 0 : ids.size();
  }

  /** The ids of jobs whose spec matches and, if asked, that have not ended. */
  List<JobId> ids(Predicate<JobSpec> matching, boolean unfinishedOnly) {
    List<JobId> ids = new ArrayList<>();
    if (unfinishedOnly) {
      unfinished.values().forEach(set -> set.forEach(id -> addIfMatching(id, matching, true, ids)));
    } else {
      jobs.keySet().forEach(id -> addIfMatching(id, matching, false, ids));
    }
    return ids;
  }

  private void addIfMatching(
      JobId id, Predicate<JobSpec> matching, boolean unfinishedOnly, List<JobId> ids) {
    Entry entry = jobs.get(id);
    if (entry != null
        && matching.test(entry.spec)
        && !(unfinishedOnly && entry.state.status().terminal())) {
      ids.add(id);
    }
  }

  List<JobId> ids() {
    return new ArrayList<>(jobs.keySet());
  }

  void delete(JobId id) throws IOException {
    Entry entry = jobs.get(id);
    if (entry == null) {
      return;
    }
    synchronized (entry) {
      Trees.deleteRecursively(directory(id));
      jobs.remove(id);
      untrack(id, entry.spec);
    }
  }

  Path directory(JobId id) {
    return root.resolve(id.value());
  }

  Path data(JobId id) {
    return directory(id).resolve("data");
  }

  Path results(JobId id) {
    return directory(id).resolve("results");
  }
}
