package org.cove.shared.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the schema is migrated and PostgreSQL answers. */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

  private DatabaseBootstrap database;

  @Inject
  DatabaseReadiness(DatabaseBootstrap database) {
    this.database = database;
  }

  /** For CDI's proxy. */
  protected DatabaseReadiness() {}

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database").status(database.isReady()).build();
  }
}
