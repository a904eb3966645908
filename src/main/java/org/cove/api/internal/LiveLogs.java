package org.cove.api.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobStatus;
import org.cove.shared.Address;

/**
 * Streams a job's algorithm log as it grows, like {@code tail -f}, until the algorithm stage is
 * over (then the rest is sent and the response ends) or the job's deadline has passed.
 */
@ApplicationScoped
class LiveLogs {

  static final Duration POLL = Duration.ofMillis(250);

  private JobRegistry registry;

  @Inject
  LiveLogs(JobRegistry registry) {
    this.registry = registry;
  }

  /** For CDI's proxy. */
  protected LiveLogs() {}

  void follow(JobId id, Address reader, Duration maxDuration, OutputStream out) throws IOException {
    Instant giveUp = Instant.now().plus(maxDuration).plus(Duration.ofMinutes(2));
    long offset = 0;
    while (true) {
      Job job = registry.get(id, reader);
      boolean over = job.status().terminal() || job.status().stage() == JobStatus.Stage.PUBLISH;
      offset += copy(registry.liveLog(id, offset, reader), out);
      out.flush();
      if (over || Instant.now().isAfter(giveUp)) {
        return;
      }
      // The log is a file the sandboxed process appends to; there is nothing to wait on but time.
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  private static long copy(Optional<InputStream> log, OutputStream out) throws IOException {
    if (log.isEmpty()) {
      return 0;
    }
    try (InputStream in = log.get()) {
      return in.transferTo(out);
    }
  }
}
