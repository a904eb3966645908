package org.cove.engine.internal.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cove.engine.internal.core.LiveLogs;
import org.cove.operator.JobId;
import org.cove.operator.JobResult;
import org.cove.operator.ResultType;
import org.cove.shared.NotFoundException;

/**
 * The algorithm's log while it is written and after. While the job runs, the view is the complete
 * lines written so far, redacted like the published log; since no path spans a line break, that
 * view is always a prefix of the published log, so a client's offsets stay valid from the first
 * poll to the last. Each poll reads the log from its start: it is capped (10 MiB by default), and
 * that keeps the view simple and exact.
 */
final class LiveLog {

  private final JobStore store;
  private final PathRedactor redactor;
  private final long logMaxBytes;

  LiveLog(JobStore store, PathRedactor redactor, long logMaxBytes) {
    this.store = store;
    this.redactor = redactor;
    this.logMaxBytes = logMaxBytes;
  }

  Optional<InputStream> open(JobId id, long offset) throws IOException {
    JobState state = store.state(id).orElseThrow(() -> new NotFoundException("no such job"));
    long from = Math.max(0, offset);
    if (state.finished()) {
      return published(id, state, from);
    }
    Path raw = store.data(id).resolve("logs/algorithm.log");
    if (!Files.isRegularFile(raw)) {
      return Optional.empty();
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(raw)) {
      content = in.readNBytes((int) Math.min(logMaxBytes, Integer.MAX_VALUE - 8));
    }
    byte[] view = redactor.with(store.directory(id)).redact(LiveLogs.completeLines(content));
    int start = (int) Math.min(from, view.length);
    return Optional.of(new ByteArrayInputStream(view, start, view.length - start));
  }

  private Optional<InputStream> published(JobId id, JobState state, long from) throws IOException {
    Optional<JobResult> log =
        state.results().stream().filter(r -> r.type() == ResultType.ALGORITHM_LOG).findFirst();
    if (log.isEmpty() || from >= log.get().filesize()) {
      return Optional.empty();
    }
    InputStream in =
        Files.newInputStream(store.results(id).resolve(String.valueOf(log.get().index())));
    in.skipNBytes(from);
    return Optional.of(in);
  }
}
