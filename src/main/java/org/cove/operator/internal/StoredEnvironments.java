package org.cove.operator.internal;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cove.operator.ComputeEnvironment;
import org.cove.operator.EnvironmentJson;
import org.cove.operator.Environments;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Environments kept in PostgreSQL. Those in configuration ({@code cove.compute.environments}, a
 * JSON array; absent: one free environment sized for this machine) are added at start when missing,
 * so an admin's later edit is not undone by a restart.
 */
@ApplicationScoped
class StoredEnvironments implements Environments {

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private AuditTrail auditTrail;
  private Clock clock;
  private Optional<String> configured;

  @Inject
  StoredEnvironments(
      AuditTrail auditTrail,
      Clock clock,
      @ConfigProperty(name = "cove.compute.environments") Optional<String> configured) {
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.configured = configured;
  }

  /** For CDI's proxy. */
  protected StoredEnvironments() {}

  @Transactional
  void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (ComputeEnvironment env : configuredEnvironments()) {
      entityManager
          .createNativeQuery(
              "insert into compute_environment (id, definition, updated_at)"
                  + " values (?1, cast(?2 as jsonb), ?3) on conflict (id) do nothing")
          .setParameter(1, env.id())
          .setParameter(2, EnvironmentJson.write(env).build().toString())
          .setParameter(3, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
          .executeUpdate();
    }
  }

  List<ComputeEnvironment> configuredEnvironments() {
    String json = configured.map(String::strip).orElse("");
    if (json.isEmpty()) {
      return List.of(DefaultEnvironment.forThisMachine());
    }
    try {
      JsonArray array = JSON.createReader(new StringReader(json)).readArray();
      return array.stream().map(v -> EnvironmentJson.read(v.asJsonObject())).toList();
    } catch (JsonParsingException | ClassCastException e) {
      throw new IllegalStateException("cove.compute.environments is not a JSON array of objects");
    }
  }

  @Override
  public List<ComputeEnvironment> list() {
    return snapshot().environments();
  }

  @Override
  public Optional<ComputeEnvironment> find(String id) {
    return snapshot().environments().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * The environments as last read. Every status answer and start looks them up, and they change
   * only through the admin API: this instance forgets its copy on an edit, and another replica's
   * edit is seen within {@link #FRESHNESS}.
   */
  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null || current.readAt().plus(FRESHNESS).isBefore(clock.instant())) {
      current = new Snapshot(read(), clock.instant());
      snapshot = current;
    }
    return current;
  }

  private record Snapshot(List<ComputeEnvironment> environments, Instant readAt) {}

  static final Duration FRESHNESS = Duration.ofSeconds(5);

  private volatile Snapshot snapshot;

  private List<ComputeEnvironment> read() {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        entityManager
            .createNativeQuery("select definition::text from compute_environment order by id")
            .getResultList();
    return rows.stream().map(row -> parse(row.toString())).toList();
  }

  @Override
  @Transactional
  public ComputeEnvironment save(ComputeEnvironment environment, Address admin) {
    JsonObject definition = EnvironmentJson.write(environment).build();
    entityManager
        .createNativeQuery(
            "insert into compute_environment (id, definition, updated_at)"
                + " values (?1, cast(?2 as jsonb), ?3)"
                + " on conflict (id) do update set definition = excluded.definition,"
                + " updated_at = excluded.updated_at")
        .setParameter(1, environment.id())
        .setParameter(2, definition.toString())
        .setParameter(3, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
        .executeUpdate();
    auditTrail.record(
        new AuditEvent(
            admin, "environment-saved", environment.id(), definition, AuditEvent.parties(admin)));
    snapshot = null;
    return environment;
  }

  @Override
  @Transactional
  public void delete(String id, Address admin) {
    int deleted =
        entityManager
            .createNativeQuery("delete from compute_environment where id = ?1")
            .setParameter(1, id)
            .executeUpdate();
    if (deleted == 0) {
      throw new NotFoundException("no compute environment " + id);
    }
    auditTrail.record(
        new AuditEvent(
            admin,
            "environment-deleted",
            id,
            JSON.createObjectBuilder().add("id", id).build(),
            AuditEvent.parties(admin)));
    snapshot = null;
  }

  private static ComputeEnvironment parse(String json) {
    JsonValue value = JSON.createReader(new StringReader(json)).readValue();
    return EnvironmentJson.read(value.asJsonObject());
  }
}
