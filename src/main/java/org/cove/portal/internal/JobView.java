package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.cove.identity.Principal;
import org.cove.operator.Job;
import org.cove.operator.JobId;
import org.cove.operator.JobRegistry;
import org.cove.provider.Catalogue;
import org.cove.provider.Compute;
import org.cove.shared.InvalidInputException;

/**
 * One compute job for its owner and named viewers: what was asked, the statuses it went through,
 * the algorithm's log as it is written, and, once it has ended, its results. It follows the job
 * through server push until the job ends. Any other account gets the not-found page, so job ids
 * cannot be probed.
 */
@Route(value = "jobs/:id([0-9a-f]{32})", layout = MainLayout.class)
@PageTitle("Job · Cove")
@Dependent
public class JobView extends VerticalLayout implements BeforeEnterObserver {

  private final JobRegistry jobs;
  private final Catalogue catalogue;
  private final LiveUpdates live;
  private final Compute compute;
  private final Span status = new Span();
  private final ProgressBar progress = new ProgressBar(0, 1);
  private final UnorderedList timeline = new UnorderedList();
  private final Paragraph failure = new Paragraph();
  private JobLog log;
  private final Div results = new Div();
  private final Div buttons = new Div();
  private Registration following = () -> {};
  private Principal me;
  private Job shown;

  @Inject
  public JobView(JobRegistry jobs, Catalogue catalogue, LiveUpdates live, Compute compute) {
    this.jobs = jobs;
    this.catalogue = catalogue;
    this.live = live;
    this.compute = compute;
    status.setId("job-status");
    progress.setId("job-progress");
    timeline.setId("job-timeline");
    failure.setId("job-failure");
    failure.addClassName("cove-errors");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    following.remove();
    removeAll();
    me = PortalSession.principal().orElse(null);
    if (me == null) {
      return;
    }
    try {
      JobId id = JobId.parse(event.getRouteParameters().get("id").orElse(""));
      shown = jobs.get(id, me.address());
    } catch (org.cove.shared.NotFoundException | InvalidInputException e) {
      event.rerouteToError(NotFoundException.class);
      return;
    }
    build();
    if (!shown.finished()) {
      following = live.follow(this, JobsView.REFRESH, this::advance);
    }
  }

  private void build() {
    log = new JobLog(jobs, shown.id(), me.address());
    AssetNames names = new AssetNames(catalogue);
    H2 title = new H2("Job " + shown.id().value().substring(0, 8));
    title.setId("job-title");
    HorizontalLayout state = new HorizontalLayout(status, progress);
    state.setDefaultVerticalComponentAlignment(Alignment.CENTER);
    progress.setWidth("16em");
    add(title, facts(names), state, buttons, failure, new H3("Timeline"), timeline);
    add(new H3("Algorithm log"), log, new H3("Results"), results);
    render(shown);
    log.read();
  }

  private Component facts(AssetNames names) {
    Div facts = new Div();
    facts.addClassName("cove-facts");
    facts.add(
        AssetFacts.fact("Dataset(s)", names.datasets(shown.spec())),
        AssetFacts.fact("Algorithm", names.algorithm(shown.spec())),
        AssetFacts.fact("Environment", shown.spec().environment()),
        AssetFacts.fact("Resources", JobText.resources(shown.spec().resources())),
        AssetFacts.fact("At most", JobText.duration(shown.spec().maxDuration())),
        AssetFacts.fact("Created", JobText.TIME.format(shown.dateCreated())),
        AssetFacts.fact("Run by", shown.spec().owner().value()));
    return facts;
  }

  private Component resultsOf(Job job) {
    if (!job.spec().mayRead(me.address())) {
      return new Paragraph(
          "The results go only to whoever ran the job and the viewers they named.");
    }
    if (!job.finished()) {
      return new Paragraph("The results appear here when the job has ended.");
    }
    return job.results().isEmpty()
        ? new Paragraph("The job wrote no results.")
        : new ResultList(job, jobs, me.address());
  }

  /** One step of following: the job's state, then the log written so far. */
  private boolean advance() {
    Job now = jobs.get(shown.id(), me.address());
    log.read();
    if (!now.equals(shown)) {
      render(now);
    }
    return !now.finished();
  }

  private JobActions configureActions(Job job) {
    JobActions actions = new JobActions(job, me.address());
    actions.addStopListener(stop -> render(jobs.stop(job.id(), me.address())));
    actions.addPublishListener(
        publish -> {
          actions.showPublished(compute.publishOutput(me, job.id(), publish.title()));
          Notices.success("Published. The new asset is private until you allow algorithms.");
        });
    return actions;
  }

  private void render(Job job) {
    shown = job;
    status.setText(job.status().text());
    status.getElement().setAttribute("data-code", String.valueOf(job.status().code()));
    progress.setValue(JobText.progress(job.status()));
    timeline.removeAll();
    for (var step : JobText.timeline(job)) {
      timeline.add(
          new ListItem(JobText.TIME.format(step.getValue()) + "  " + step.getKey().text()));
    }
    JobText.failure(job).ifPresentOrElse(failure::setText, () -> failure.setText(""));
    failure.setVisible(job.status().failed());
    buttons.removeAll();
    buttons.add(configureActions(job));
    results.removeAll();
    results.add(resultsOf(job));
  }
}
