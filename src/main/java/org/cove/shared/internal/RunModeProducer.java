package org.cove.shared.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.cove.shared.RunMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
class RunModeProducer {

  @Produces
  RunMode runMode(@ConfigProperty(name = "cove.mode", defaultValue = "development") String mode) {
    return RunMode.parse(mode);
  }
}
