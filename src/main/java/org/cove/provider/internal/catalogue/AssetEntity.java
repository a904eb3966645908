package org.cove.provider.internal.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetState;
import org.cove.shared.Address;
import org.cove.shared.Did;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An asset's row. The searchable fields are columns; the rest of the public description is JSON
 * ({@link StoredDescription}). The search vector is computed by PostgreSQL.
 */
@Entity
@Table(name = "provider_asset")
class AssetEntity {

  @Id
  @Column(length = 71)
  String did;

  @Column(name = "asset_key", nullable = false, length = 64)
  String assetKey;

  @Column(nullable = false, length = 42)
  String publisher;

  @Column(nullable = false, length = 16)
  String type;

  @Column(nullable = false, length = 16)
  String state;

  @Column(nullable = false, length = 256)
  String name;

  @Column(nullable = false, columnDefinition = "text")
  String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "varchar(64)[]")
  String[] tags;

  @Column(name = "tags_text", nullable = false, columnDefinition = "text")
  String tagsText;

  @JdbcType(JsonbJdbcType.class)
  @Column(nullable = false, columnDefinition = "jsonb")
  String ddo;

  @Column(name = "files_checksum", columnDefinition = "text")
  String filesChecksum;

  @Column(columnDefinition = "bytea")
  byte[] sample;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected AssetEntity() {}

  AssetEntity(String did, String assetKey, String publisher, Instant createdAt) {
    this.did = did;
    this.assetKey = assetKey;
    this.publisher = publisher;
    this.createdAt = createdAt;
  }

  /** Writes the draft's description, and the columns searched by, into the row. */
  void describe(AssetDraft draft, Instant now, AssetState state) {
    type = draft.type().name();
    this.state = state.name();
    name = draft.name();
    description = draft.description();
    tags = draft.tags().toArray(String[]::new);
    tagsText = String.join(" ", draft.tags());
    store(DescriptionEdits.of(draft, createdAt, now));
  }

  /** Keeps the description; the row's update time is the description's. */
  void store(StoredDescription description) {
    ddo = description.toJson();
    updatedAt = description.metadata().updated();
  }

  StoredDescription storedDescription() {
    return StoredDescription.fromJson(ddo);
  }

  Asset toAsset() {
    StoredDescription stored = storedDescription();
    return new Asset(
        new Did(did),
        new Address(publisher),
        stored.metadata(),
        stored.services(),
        stored.credentials(),
        AssetState.valueOf(state),
        Optional.ofNullable(filesChecksum),
        sample != null);
  }
}
