package org.cove.portal.internal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.Instant;
import java.util.function.BiFunction;
import org.cove.operator.Job;
import org.cove.shared.Page;

/**
 * A lazily loaded list of compute jobs: what ran on what, where, and how far it got. Remembers
 * whether the rows it last loaded include an unfinished job, so a live view refreshes only then.
 */
class JobGrid extends Grid<Job> {

  private volatile boolean unfinishedShown = true;

  /**
   * @param pages loads page number, page size → a page of jobs
   */
  JobGrid(AssetNames names, BiFunction<Integer, Integer, Page<Job>> pages) {
    super(Job.class, false);
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    addColumn(j -> JobText.TIME.format(j.dateCreated())).setHeader("Created").setAutoWidth(true);
    addColumn(j -> names.datasets(j.spec())).setHeader("Dataset(s)").setFlexGrow(2);
    addColumn(j -> names.algorithm(j.spec())).setHeader("Algorithm").setFlexGrow(2);
    addColumn(j -> j.spec().environment()).setHeader("Environment").setAutoWidth(true);
    addColumn(j -> j.status().text()).setHeader("Status").setAutoWidth(true);
    addColumn(new ComponentRenderer<>(JobGrid::progress)).setHeader("Progress");
    setItems(
        query -> {
          Page<Job> page = pages.apply(query.getPage(), query.getPageSize());
          unfinishedShown |= page.items().stream().anyMatch(j -> !j.finished());
          return page.items().stream();
        },
        query -> (int) pages.apply(0, 1).total());
    setSizeFull();
  }

  void addTimeColumns() {
    addColumn(j -> JobText.duration(JobText.elapsed(j, Instant.now())))
        .setHeader("Elapsed")
        .setAutoWidth(true);
    addColumn(j -> JobText.remaining(j, Instant.now()).map(JobText::duration).orElse(""))
        .setHeader("Remaining")
        .setAutoWidth(true);
  }

  /** Reloads the visible rows if any of them was unfinished; returns true (keep following). */
  boolean refreshUnfinished() {
    if (unfinishedShown) {
      unfinishedShown = false;
      getDataProvider().refreshAll();
    }
    return true;
  }

  /** Reloads the rows, e.g. after a stop. */
  void reload() {
    unfinishedShown = true;
    getDataProvider().refreshAll();
  }

  static ProgressBar progress(Job job) {
    ProgressBar bar = new ProgressBar(0, 1, JobText.progress(job.status()));
    if (job.status().failed()) {
      bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
    } else if (job.finished()) {
      bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
    }
    return bar;
  }
}
