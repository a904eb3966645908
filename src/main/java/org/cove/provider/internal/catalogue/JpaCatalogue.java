package org.cove.provider.internal.catalogue;

import static org.cove.shared.Jsons.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.Optional;
import java.util.Set;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetState;
import org.cove.provider.AssetType;
import org.cove.provider.Catalogue;
import org.cove.provider.CatalogueQuery;
import org.cove.provider.ComputeOptions;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.InvalidDdoException.FieldError;
import org.cove.provider.Metadata;
import org.cove.provider.Price;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;
import org.cove.provider.internal.files.ServiceFiles;
import org.cove.shared.Address;
import org.cove.shared.AuditEvent;
import org.cove.shared.AuditTrail;
import org.cove.shared.Did;
import org.cove.shared.ForbiddenException;
import org.cove.shared.Hashes;
import org.cove.shared.NotFoundException;
import org.cove.shared.Page;

@ApplicationScoped
class JpaCatalogue implements Catalogue {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private ServiceFiles serviceFiles;
  private AuditTrail auditTrail;
  private Clock clock;

  @Inject
  JpaCatalogue(ServiceFiles serviceFiles, AuditTrail auditTrail, Clock clock) {
    this.serviceFiles = serviceFiles;
    this.auditTrail = auditTrail;
    this.clock = clock;
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
    describe(entity, draft, now, AssetState.ACTIVE);
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
    describe(entity, draft, now(), AssetState.valueOf(entity.state));
    Asset asset = attachFiles(entity, draft);
    record(caller.address(), "asset-updated", asset);
    return asset;
  }

  /** A read on every start and download: it joins a transaction but never begins one. */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Asset get(Did did) {
    return toAsset(find(did));
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
    rows.forEach(row -> assets.put(new Did(row.did), toAsset(row)));
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
    return new Page<>(rows.stream().map(this::toAsset).toList(), query.page(), query.size(), total);
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
    Asset asset = toAsset(entity);
    record(
        caller.address(), state == AssetState.ACTIVE ? "asset-enabled" : "asset-disabled", asset);
    return asset;
  }

  @Override
  @Transactional
  public Asset setComputeOptions(
      Principal caller, Did did, String serviceId, ComputeOptions options) {
    AssetEntity entity = owned(caller, did);
    StoredDescription description = StoredDescription.fromJson(entity.ddo);
    Service service =
        description.services().stream()
            .filter(s -> s.id().equals(serviceId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("the asset has no service " + serviceId));
    if (service.type() != ServiceType.COMPUTE) {
      throw new InvalidDdoException(
          List.of(new FieldError("serviceId", "only compute services have compute options")));
    }
    List<Service> services =
        description.services().stream()
            .map(s -> s.id().equals(serviceId) ? withOptions(s, options) : s)
            .toList();
    Instant now = now();
    Metadata metadata = withUpdated(description.metadata(), now);
    entity.ddo = new StoredDescription(metadata, services, description.credentials()).toJson();
    entity.updatedAt = now;
    Asset asset = toAsset(entity);
    auditTrail.record(
        new AuditEvent(
            caller.address(),
            "compute-options-changed",
            did.value(),
            JSON.createObjectBuilder()
                .add("service", serviceId)
                .add("compute", DdoWriter.compute(options))
                .build(),
            Set.of()));
    return asset;
  }

  @Override
  @Transactional
  public Asset setPrice(Principal caller, Did did, String serviceId, Price price) {
    if (price.amount().signum() < 0 || price.amount().scale() > 18) {
      throw new InvalidDdoException(
          List.of(new FieldError("price.amount", "a decimal of at least 0, at most 18 places")));
    }
    price
        .token()
        .filter(t -> !org.cove.shared.Address.isAddress(t))
        .ifPresent(
            t -> {
              throw new InvalidDdoException(
                  List.of(new FieldError("price.token", "must be a token contract address")));
            });
    AssetEntity entity = owned(caller, did);
    StoredDescription description = StoredDescription.fromJson(entity.ddo);
    if (description.services().stream().noneMatch(s -> s.id().equals(serviceId))) {
      throw new NotFoundException("the asset has no service " + serviceId);
    }
    Price normalised =
        new Price(
            price.amount().stripTrailingZeros(),
            price.token().map(t -> t.toLowerCase(java.util.Locale.ROOT)),
            price.chainId());
    List<Service> services =
        description.services().stream()
            .map(
                s ->
                    s.id().equals(serviceId)
                        ? new Service(
                            s.id(), s.type(), s.fileCount(), s.timeout(), normalised, s.compute())
                        : s)
            .toList();
    Instant now = now();
    entity.ddo =
        new StoredDescription(
                withUpdated(description.metadata(), now), services, description.credentials())
            .toJson();
    entity.updatedAt = now;
    Asset asset = toAsset(entity);
    auditTrail.record(
        new AuditEvent(
            caller.address(),
            "price-changed",
            did.value(),
            JSON.createObjectBuilder()
                .add("service", serviceId)
                .add("price", DdoWriter.price(normalised))
                .build(),
            Set.of()));
    return asset;
  }

  /** Writes the draft's description into the entity. */
  private void describe(AssetEntity entity, AssetDraft draft, Instant now, AssetState state) {
    Metadata metadata =
        new Metadata(
            draft.type(),
            draft.name(),
            draft.description(),
            draft.author(),
            draft.license(),
            draft.tags(),
            entity.createdAt,
            now,
            draft.algorithm());
    List<Service> services =
        draft.services().stream()
            .map(
                s ->
                    new Service(
                        s.id(), s.type(), s.files().size(), s.timeout(), s.price(), s.compute()))
            .toList();
    entity.type = draft.type().name();
    entity.state = state.name();
    entity.name = draft.name();
    entity.description = draft.description();
    entity.tags = draft.tags().toArray(String[]::new);
    entity.tagsText = String.join(" ", draft.tags());
    entity.ddo = new StoredDescription(metadata, services, draft.credentials()).toJson();
    entity.updatedAt = now;
  }

  /** Stores the draft's files (resolved, hashed, sealed) and returns the asset. */
  private Asset attachFiles(AssetEntity entity, AssetDraft draft) {
    ServiceFiles.Resolved files =
        serviceFiles.store(entity.did, new Address(entity.publisher), draft);
    entity.filesChecksum = files.filesChecksum().orElse(null);
    entity.sample = files.sample().orElse(null);
    return toAsset(entity);
  }

  private Asset toAsset(AssetEntity entity) {
    StoredDescription description = StoredDescription.fromJson(entity.ddo);
    return new Asset(
        new Did(entity.did),
        new Address(entity.publisher),
        description.metadata(),
        description.services(),
        description.credentials(),
        AssetState.valueOf(entity.state),
        Optional.ofNullable(entity.filesChecksum),
        entity.sample != null);
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

  private static Service withOptions(Service service, ComputeOptions options) {
    return new Service(
        service.id(),
        service.type(),
        service.fileCount(),
        service.timeout(),
        service.price(),
        Optional.of(options));
  }

  private static Metadata withUpdated(Metadata m, Instant updated) {
    return new Metadata(
        m.type(),
        m.name(),
        m.description(),
        m.author(),
        m.license(),
        m.tags(),
        m.created(),
        updated,
        m.algorithm());
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
