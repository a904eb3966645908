package org.cove.provider.internal.catalogue;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cove.identity.Principal;
import org.cove.provider.AccessChanged;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetState;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.ComputeOptions;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.InvalidDdoException.FieldError;
import org.cove.provider.Price;
import org.cove.provider.internal.files.ServiceFiles;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.Did;
import org.cove.shared.ForbiddenException;
import org.cove.shared.Hashes;
import org.cove.shared.Page;

/**
 * The catalogue in PostgreSQL. Every change that may narrow what runs on or with an asset (an
 * update, a state, compute options) fires {@link AccessChanged} in its transaction, so that jobs
 * the change revokes are ended once it commits.
 */
@ApplicationScoped
class JpaCatalogue implements Catalogue {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private ServiceFiles serviceFiles;
  private AuditTrail auditTrail;
  private Clock clock;
  private Event<AccessChanged> accessChanged;

  @Inject
  JpaCatalogue(
      ServiceFiles serviceFiles,
      AuditTrail auditTrail,
      Clock clock,
      Event<AccessChanged> accessChanged) {
    this.serviceFiles = serviceFiles;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.accessChanged = accessChanged;
  }

  /** For CDI's proxy. */
  protected JpaCatalogue() {}

  @Override
  @Transactional
  public Asset publish(Principal publisher, AssetDraft draft) {
    checkKind(draft);
    String assetKey = randomHex(32);
    Did did = new Did("did:op:" + Hashes.sha256Hex(publisher.address().value() + assetKey));
    Instant now = now();
    AssetEntity entity = new AssetEntity(did.value(), assetKey, publisher.address().value(), now);
    entity.describe(draft, now, AssetState.ACTIVE);
    entityManager.persist(entity); // before its files, which reference it
    Asset asset = attachFiles(entity, draft);
    record(publisher.address(), "asset-published", asset);
    return asset;
  }

  @Override
  @Transactional
  public Asset update(Principal caller, Did did, AssetDraft draft) {
    AssetEntity entity = owned(caller, did);
    checkKind(draft);
    if (!draft.type().name().equals(entity.type)) {
      throw new InvalidDdoException(
          List.of(new FieldError("metadata.type", "an asset's type cannot change")));
    }
    serviceFiles.clear(entity.did);
    entity.describe(draft, now(), AssetState.valueOf(entity.state));
    Asset asset = attachFiles(entity, draft);
    record(caller.address(), "asset-updated", asset);
    accessChanged.fire(AccessChanged.of(did, caller.address()));
    return asset;
  }

  /** A read on every start and download: it joins a transaction but never begins one. */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Asset get(Did did) {
    return find(did).toAsset();
  }

  /**
   * One statement however many assets: a start's reads, like {@link #get}, begin no transaction.
   */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Did, Asset> getAll(Collection<Did> dids) {
    if (dids.isEmpty()) {
      return Map.of();
    }
    List<AssetEntity> rows =
        entityManager
            .createQuery("select a from AssetEntity a where a.did in :dids", AssetEntity.class)
            .setParameter("dids", dids.stream().map(Did::value).distinct().toList())
            .getResultList();
    Map<Did, Asset> assets = new HashMap<>();
    rows.forEach(row -> assets.put(new Did(row.did), row.toAsset()));
    return assets;
  }

  @Override
  @Transactional
  public Page<Asset> search(CatalogueQuery query) {
    CatalogueSearchSql sql = CatalogueSearchSql.of(query);
    Query count = entityManager.createNativeQuery(sql.countSql());
    bind(count, sql.parameters());
    long total = ((Number) count.getSingleResult()).longValue();
    Query select = entityManager.createNativeQuery(sql.pageSql(), AssetEntity.class);
    bind(select, sql.pageParameters());
    @SuppressWarnings("unchecked")
    List<AssetEntity> rows = select.getResultList();
    return new Page<>(
        rows.stream().map(AssetEntity::toAsset).toList(), query.page(), query.size(), total);
  }

  @Override
  @Transactional
  public Asset setState(Principal caller, Did did, AssetState state) {
    AssetEntity entity = find(did);
    if (!caller.isAdmin() && !entity.publisher.equals(caller.address().value())) {
      throw new ForbiddenException("only the asset's publisher or an admin may do this");
    }
    entity.state = state.name();
    entity.updatedAt = now();
    Asset asset = entity.toAsset();
    record(
        caller.address(), state == AssetState.ACTIVE ? "asset-enabled" : "asset-disabled", asset);
    accessChanged.fire(AccessChanged.of(did, caller.address()));
    return asset;
  }

  @Override
  @Transactional
  public Asset setComputeOptions(
      Principal caller, Did did, String serviceId, ComputeOptions options) {
    AssetEntity entity = owned(caller, did);
    entity.store(
        DescriptionEdits.withComputeOptions(entity.storedDescription(), serviceId, options, now()));
    Asset asset = entity.toAsset();
    recordChange(
        caller,
        "compute-options-changed",
        did,
        JSON.createObjectBuilder()
            .add("service", serviceId)
            .add("compute", DdoWriter.compute(options))
            .build());
    accessChanged.fire(AccessChanged.of(did, caller.address()));
    return asset;
  }

  @Override
  @Transactional
  public Asset setPrice(Principal caller, Did did, String serviceId, Price price) {
    Price normalised = DescriptionEdits.normalised(price);
    AssetEntity entity = owned(caller, did);
    entity.store(
        DescriptionEdits.withPrice(entity.storedDescription(), serviceId, normalised, now()));
    Asset asset = entity.toAsset();
    recordChange(
        caller,
        "price-changed",
        did,
        JSON.createObjectBuilder()
            .add("service", serviceId)
            .add("price", DdoWriter.price(normalised))
            .build());
    return asset;
  }

  /** Stores the draft's files (resolved, hashed, sealed) and returns the asset. */
  private Asset attachFiles(AssetEntity entity, AssetDraft draft) {
    ServiceFiles.Resolved files =
        serviceFiles.store(entity.did, new Address(entity.publisher), draft);
    entity.filesChecksum = files.filesChecksum().orElse(null);
    entity.sample = files.sample().orElse(null);
    return entity.toAsset();
  }

  private AssetEntity find(Did did) {
    AssetEntity entity = entityManager.find(AssetEntity.class, did.value());
    if (entity == null) {
      throw Catalogue.noSuchAsset(did);
    }
    return entity;
  }

  private AssetEntity owned(Principal caller, Did did) {
    AssetEntity entity = find(did);
    if (!entity.publisher.equals(caller.address().value())) {
      throw new ForbiddenException("only the asset's publisher may change it");
    }
    return entity;
  }

  private static void checkKind(AssetDraft draft) {
    if (draft.type() == AssetType.ALGORITHM && draft.algorithm().isEmpty()) {
      throw new InvalidDdoException(
          List.of(new FieldError("metadata.algorithm", "is required for algorithms")));
    }
  }

  private void record(Address actor, String kind, Asset asset) {
    auditTrail.record(
        new AuditEvent(
            actor,
            kind,
            asset.did().value(),
            JSON.createObjectBuilder()
                .add("type", asset.metadata().type().name().toLowerCase(Locale.ROOT))
                .add("name", asset.metadata().name())
                .add("publisher", asset.publisher().value())
                .build(),
            Set.of(asset.publisher())));
  }

  /** A change to one service by its owner; the event names no parties but the asset. */
  private void recordChange(Principal caller, String kind, Did did, JsonObject payload) {
    auditTrail.record(new AuditEvent(caller.address(), kind, did.value(), payload, Set.of()));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static void bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
  }
}
