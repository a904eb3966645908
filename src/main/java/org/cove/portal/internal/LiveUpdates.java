package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.LogSafe;

/**
 * Brings changes made outside any request (a job advancing) to open pages: while a component is
 * attached, a task on the server's managed scheduler runs its update inside {@link UI#access}, and
 * server push sends the result. The task ends when the component is detached or the update says
 * there is nothing more to follow.
 */
@ApplicationScoped
public class LiveUpdates {

  private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  /**
   * @param update runs with the session locked; returns whether to keep following
   * @return ends the following
   */
  public Registration follow(Component component, Duration every, BooleanSupplier update) {
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    Registration onAttach =
        component.addAttachListener(attach -> start(attach.getUI(), every, update, task));
    Registration onDetach = component.addDetachListener(detach -> stop(task));
    component.getUI().ifPresent(ui -> start(ui, every, update, task));
    return () -> {
      onAttach.remove();
      onDetach.remove();
      stop(task);
    };
  }

  private void start(
      UI ui, Duration every, BooleanSupplier update, AtomicReference<ScheduledFuture<?>> task) {
    stop(task);
    long millis = every.toMillis();
    task.set(
        scheduler.scheduleWithFixedDelay(
            () -> tick(ui, update, task), millis, millis, TimeUnit.MILLISECONDS));
  }

  private static void tick(
      UI ui, BooleanSupplier update, AtomicReference<ScheduledFuture<?>> task) {
    try {
      ui.access(
          () -> {
            try {
              if (!update.getAsBoolean()) {
                stop(task);
              }
            } catch (RuntimeException e) {
              // One failed refresh (the engine busy, a restart) must not end the page's updates.
              LogSafe.log(LOG, Level.FINE, "A live update failed; the next one retries", e);
            }
          });
    } catch (UIDetachedException gone) {
      stop(task);
    }
  }

  private static void stop(AtomicReference<ScheduledFuture<?>> task) {
    ScheduledFuture<?> running = task.getAndSet(null);
    if (running != null) {
      running.cancel(false);
    }
  }
}
