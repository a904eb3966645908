package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.cove.identity.Principal;
import org.cove.operator.Job;
import org.cove.operator.JobRegistry;
import org.cove.provider.Catalogue;

/**
 * The signed-in account's compute jobs, newest first, page by page. Unfinished jobs advance on the
 * page as the engine moves them, through server push, without a reload.
 */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("My jobs · Cove")
@Dependent
public class JobsView extends VerticalLayout {

  static final Duration REFRESH = Duration.ofSeconds(1);

  private final JobRegistry jobs;

  @Inject
  public JobsView(JobRegistry jobs, Catalogue catalogue, LiveUpdates live) {
    this.jobs = jobs;
    setSizeFull();
    PortalSession.principal().ifPresent(me -> show(me, new AssetNames(catalogue), live));
  }

  private void show(Principal me, AssetNames names, LiveUpdates live) {
    JobGrid grid =
        new JobGrid(names, (page, size) -> jobs.jobsOf(me.address(), page, Math.min(size, 100)));
    grid.setId("jobs-grid");
    grid.addTimeColumns();
    grid.addColumn(new ComponentRenderer<>(job -> stopButton(job, me, grid)))
        .setHeader("")
        .setAutoWidth(true);
    grid.addItemClickListener(
        click -> getUI().ifPresent(ui -> ui.navigate("jobs/" + click.getItem().id().value())));
    RouterLink onMyData = new RouterLink("Jobs on my datasets", JobsOnMyDataView.class);
    add(new H2("My jobs"), onMyData, grid);
    live.follow(grid, REFRESH, grid::refreshUnfinished);
  }

  private Component stopButton(Job job, Principal me, JobGrid grid) {
    if (job.finished()) {
      return new Span();
    }
    Button stop =
        new Button(
            job.stopRequested() ? "Stopping…" : "Stop",
            click -> {
              jobs.stop(job.id(), me.address());
              grid.reload();
            });
    stop.setEnabled(!job.stopRequested());
    stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
    stop.setId("stop-" + job.id().value());
    return stop;
  }
}
