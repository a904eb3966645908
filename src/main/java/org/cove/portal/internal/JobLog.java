package org.cove.portal.internal;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Pre;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.shared.Address;
import org.cove.shared.CoveException;

/**
 * A job's algorithm log as the job writes it: each read appends what was written since the last
 * one, so a running job's log grows on the page without being sent twice. Shows the first MiB; the
 * whole log is a result of the job.
 */
class JobLog extends Pre {

  private static final int SHOWN = 1024 * 1024;

  private final JobRegistry jobs;
  private final JobId id;
  private final Address reader;
  private long offset;

  JobLog(JobRegistry jobs, JobId id, Address reader) {
    this.jobs = jobs;
    this.id = id;
    this.reader = reader;
    setId("job-log");
    addClassName("cove-code");
  }

  void read() {
    if (offset >= SHOWN) {
      return;
    }
    try (InputStream in = jobs.liveLog(id, offset, reader).orElse(null)) {
      if (in == null) {
        return;
      }
      byte[] bytes = in.readNBytes((int) (SHOWN - offset));
      if (bytes.length > 0) {
        offset += bytes.length;
        add(new Text(new String(bytes, StandardCharsets.UTF_8)));
      }
      if (offset >= SHOWN) {
        add(new Text("\n… the whole log is among the results."));
      }
    } catch (IOException | CoveException e) {
      // The log on the page is a convenience while the job runs: the next read tries again.
    }
  }
}
