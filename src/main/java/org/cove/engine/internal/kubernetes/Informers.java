package org.cove.engine.internal.kubernetes;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cove.shared.LogSafe;

/**
 * Starts informers that keep trying: an informer whose first list fails (the API server not
 * reachable yet, a missing permission) would otherwise stop for good.
 */
final class Informers {

  private static final Logger LOG = Logger.getLogger(Informers.class.getName());

  private Informers() {}

  static <T> SharedIndexInformer<T> start(SharedIndexInformer<T> informer) {
    informer.exceptionHandler(
        (started, error) -> {
          LogSafe.log(
              LOG,
              Level.WARNING,
              "An informer " + (started ? "lost its watch" : "could not list") + "; retrying",
              error);
          return true;
        });
    informer.start();
    return informer;
  }
}
