package org.cove.portal.internal;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import org.cove.operator.Job;
import org.cove.operator.JobStatus;
import org.cove.operator.ResultType;
import org.cove.provider.Asset;
import org.cove.shared.Address;

/**
 * What the owner of a job can do with it: stop it while it runs ({@link StopEvent}); publish its
 * output as a new asset once it finished ({@link PublishEvent}, with the title). The view asks the
 * modules. Viewers who are not the owner see no actions.
 */
class JobActions extends HorizontalLayout {

  JobActions(Job job, Address me) {
    setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    if (!job.spec().owner().equals(me)) {
      return;
    }
    if (!job.finished()) {
      add(stop(job));
    } else if (job.status() == JobStatus.FINISHED
        && job.results().stream().anyMatch(r -> r.type() == ResultType.OUTPUT)) {
      addPublish();
    }
  }

  /** The owner asks the job to stop. */
  static final class StopEvent extends ComponentEvent<JobActions> {
    StopEvent(JobActions source) {
      super(source, false);
    }
  }

  /** The owner publishes the job's output under this title. */
  static final class PublishEvent extends ComponentEvent<JobActions> {
    private final String title;

    PublishEvent(JobActions source, String title) {
      super(source, false);
      this.title = title;
    }

    String title() {
      return title;
    }
  }

  Registration addStopListener(ComponentEventListener<StopEvent> listener) {
    return addListener(StopEvent.class, listener);
  }

  Registration addPublishListener(ComponentEventListener<PublishEvent> listener) {
    return addListener(PublishEvent.class, listener);
  }

  /** The output is published: the actions give way to a link to the new asset. */
  void showPublished(Asset asset) {
    RouterLink link =
        new RouterLink(
            "Published: " + asset.metadata().name(),
            AssetView.class,
            new RouteParameters("did", asset.did().value()));
    link.setId("published-output");
    removeAll();
    add(link);
  }

  private Button stop(Job job) {
    Button stop =
        new Button(
            job.stopRequested() ? "Stopping…" : "Stop", click -> fireEvent(new StopEvent(this)));
    stop.setEnabled(!job.stopRequested());
    stop.setId("job-stop");
    stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return stop;
  }

  private void addPublish() {
    TextField title = new TextField();
    title.setPlaceholder("Title of the new asset");
    title.setId("publish-output-title");
    title.setWidth("24em");
    Button publish = new Button("Publish output as asset");
    publish.setId("publish-output");
    publish.addClickListener(click -> fireEvent(new PublishEvent(this, title.getValue())));
    add(title, publish);
  }
}
