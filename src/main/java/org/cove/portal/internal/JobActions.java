package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.function.Consumer;
import org.cove.identity.Principal;
import org.cove.operator.Job;
import org.cove.operator.JobRegistry;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.provider.Asset;
import org.cove.provider.Compute;

/**
 * What the owner of a job can do with it: stop it while it runs; publish its output as a new asset
 * once it finished. Viewers who are not the owner see no actions.
 */
class JobActions extends HorizontalLayout {

  private final Job job;
  private final Principal me;

  JobActions(Job job, Principal me, JobRegistry jobs, Compute compute, Consumer<Job> changed) {
    this.job = job;
    this.me = me;
    setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    if (!job.spec().owner().equals(me.address())) {
      return;
    }
    if (!job.finished()) {
      add(stop(jobs, changed));
    } else if (job.status() == JobStatus.FINISHED
        && job.results().stream().anyMatch(r -> r.type() == ResultType.OUTPUT)) {
      publish(compute);
    }
  }

  private Button stop(JobRegistry jobs, Consumer<Job> changed) {
    Button stop =
        new Button(
            job.stopRequested() ? "Stopping…" : "Stop",
            click -> changed.accept(jobs.stop(job.id(), me.address())));
    stop.setEnabled(!job.stopRequested());
    stop.setId("job-stop");
    stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return stop;
  }

  private void publish(Compute compute) {
    TextField title = new TextField();
    title.setPlaceholder("Title of the new asset");
    title.setId("publish-output-title");
    title.setWidth("24em");
    Button publish = new Button("Publish output as asset");
    publish.setId("publish-output");
    publish.addClickListener(
        click -> {
          Asset asset = compute.publishOutput(me, job.id(), title.getValue());
          RouterLink link =
              new RouterLink(
                  "Published: " + asset.metadata().name(),
                  AssetView.class,
                  new RouteParameters("did", asset.did().value()));
          link.setId("published-output");
          removeAll();
          add(link);
          Notices.success("Published. The new asset is private until you allow algorithms.");
        });
    add(title, publish);
  }
}
