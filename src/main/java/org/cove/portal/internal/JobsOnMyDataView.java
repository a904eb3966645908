package org.cove.portal.internal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.cove.identity.Principal;
import org.cove.operator.JobRegistry;
import org.cove.provider.Catalogue;

/**
 * A publisher's view of the jobs that ran on its datasets: who ran which algorithm, where, and how
 * it ended. A row opens the job as the registry shows it to a publisher: without results, unless
 * the publisher is also a named viewer.
 */
@Route(value = "jobs/on-my-data", layout = MainLayout.class)
@PageTitle("Jobs on my datasets · Cove")
@Dependent
public class JobsOnMyDataView extends VerticalLayout {

  @Inject
  public JobsOnMyDataView(JobRegistry jobs, Catalogue catalogue, LiveUpdates live) {
    setSizeFull();
    PortalSession.principal().ifPresent(me -> show(me, jobs, new AssetNames(catalogue), live));
  }

  private void show(Principal me, JobRegistry jobs, AssetNames names, LiveUpdates live) {
    JobGrid grid =
        new JobGrid(
            names, (page, size) -> jobs.jobsOnDatasetsOf(me.address(), page, Math.min(size, 100)));
    grid.setId("jobs-on-my-data-grid");
    grid.addColumn(j -> j.spec().owner().value()).setHeader("Run by").setFlexGrow(2);
    grid.addColumn(j -> j.dateFinished().map(JobText.TIME::format).orElse(""))
        .setHeader("Finished")
        .setAutoWidth(true);
    grid.addItemClickListener(
        click -> getUI().ifPresent(ui -> ui.navigate("jobs/" + click.getItem().id().value())));
    add(
        new H2("Jobs on my datasets"),
        new Paragraph(
            "Who ran which algorithm on your data. The results belong to whoever ran the job."),
        new RouterLink("My jobs", JobsView.class),
        grid);
    live.follow(grid, JobsView.REFRESH, grid::refreshUnfinished);
  }
}
