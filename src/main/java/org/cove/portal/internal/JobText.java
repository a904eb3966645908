package org.cove.portal.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cove.operator.Job;
import org.cove.operator.JobSpec;
import org.cove.operator.JobStatus;

/** How a job reads in the portal: progress by stage, times, resources. Pure functions. */
final class JobText {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final int STAGES = JobStatus.Stage.values().length;

  private JobText() {}

  /** Half way through the job's stage while it runs; complete once it has ended. */
  static double progress(JobStatus status) {
    return status.terminal() ? 1.0 : (status.stage().ordinal() + 0.5) / STAGES;
  }

  /** From creation to the end, or to now while the job runs. */
  static Duration elapsed(Job job, Instant now) {
    return Duration.between(job.dateCreated(), job.dateFinished().orElse(now));
  }

  /** Time left before the algorithm stage's deadline, while the algorithm runs. */
  static Optional<Duration> remaining(Job job, Instant now) {
    if (job.status() != JobStatus.RUNNING) {
      return Optional.empty();
    }
    return job.algorithmStarted()
        .map(started -> started.plus(job.spec().maxDuration()))
        .map(deadline -> Duration.between(now, deadline))
        .map(left -> left.isNegative() ? Duration.ZERO : left);
  }

  /** "1 h 02 min", "3 min 05 s", "12 s". */
  static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds >= 3600) {
      return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
    if (seconds >= 60) {
      return String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
    return seconds + " s";
  }

  /** The statuses the job went through, in the order it reached them. */
  static List<Map.Entry<JobStatus, Instant>> timeline(Job job) {
    return job.timeline().entrySet().stream()
        .sorted(
            Map.Entry.<JobStatus, Instant>comparingByValue()
                .thenComparing(e -> e.getKey().code(), Comparator.naturalOrder()))
        .toList();
  }

  /** "cpu 1, ram 2" — the amounts the job was given. */
  static String resources(List<JobSpec.ResourceAmount> resources) {
    return resources.stream()
        .map(r -> r.id() + " " + number(r.amount()))
        .collect(Collectors.joining(", "));
  }

  /** Why the job failed, when it did: its status, the algorithm's exit code and the message. */
  static Optional<String> failure(Job job) {
    if (!job.status().failed()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(job.status().text());
    job.exitCode().ifPresent(code -> text.append(" · exit code ").append(code));
    job.message().ifPresent(message -> text.append(" · ").append(message));
    return Optional.of(text.toString());
  }

  static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
