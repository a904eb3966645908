package org.cove.portal.internal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.net.URLConnection;
import java.util.Optional;
import org.cove.operator.Job;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobResult;
import org.cove.shared.Address;
import org.cove.shared.CoveException;

/**
 * A finished job's results as download links. Each download is read through the registry for the
 * signed-in reader, so it is checked and recorded like any other; no storage location reaches the
 * page.
 */
class ResultList extends UnorderedList {

  ResultList(Job job, JobRegistry jobs, Address reader) {
    setId("job-results");
    for (JobResult result : job.results()) {
      Anchor link = new Anchor(download(job, result, jobs, reader), label(result));
      link.setId("result-" + result.index());
      link.getElement().setAttribute("data-type", result.type().wireName());
      add(new ListItem(link));
    }
  }

  private static DownloadHandler download(
      Job job, JobResult result, JobRegistry jobs, Address reader) {
    return DownloadHandler.fromInputStream(
        event -> {
          try {
            JobRegistry.ResultContent content = jobs.openResult(job.id(), result.index(), reader);
            String name = fileName(content.result().filename());
            return new DownloadResponse(
                content.content(), name, contentType(name), content.result().filesize());
          } catch (CoveException e) {
            return DownloadResponse.error(e.type().status());
          }
        });
  }

  static String label(JobResult result) {
    return result.filename() + " (" + result.type().wireName() + ", " + size(result) + ")";
  }

  /** The last part of a result's path: what the browser saves it as. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String contentType(String name) {
    return Optional.ofNullable(URLConnection.guessContentTypeFromName(name))
        .orElse("application/octet-stream");
  }

  private static String size(JobResult result) {
    long bytes = result.filesize();
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KiB", bytes / 1024.0);
    }
    return String.format("%.1f MiB", bytes / (1024.0 * 1024));
  }
}
