package org.cove.provider.internal.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of one service: its reference sealed by {@link FileVault}, its content hash, and whether
 * that hash is pinned (every read checks the bytes against it).
 */
@Entity
@Table(name = "provider_file")
@IdClass(FileEntity.Key.class)
class FileEntity {

  @Id
  @Column(name = "asset_did", length = 71)
  String assetDid;

  @Id
  @Column(name = "service_id", length = 64)
  String serviceId;

  @Id
  @Column(name = "position")
  int position;

  @Column(nullable = false, columnDefinition = "bytea")
  byte[] reference;

  @Column(length = 64)
  String sha256;

  @Column Long size;

  @Column(nullable = false)
  boolean pinned;

  protected FileEntity() {}

  FileEntity(String assetDid, String serviceId, int position, byte[] reference, Digest digest) {
    this.assetDid = assetDid;
    this.serviceId = serviceId;
    this.position = position;
    this.reference = reference;
    this.sha256 = digest.sha256().orElse(null);
    this.size = digest.size().orElse(null);
    this.pinned = digest.pinned();
  }

  /** What is known of a file's content when it is published. */
  record Digest(Optional<String> sha256, Optional<Long> size, boolean pinned) {
    static final Digest UNKNOWN = new Digest(Optional.empty(), Optional.empty(), false);
  }

  /** The composite key. */
  static class Key implements Serializable {
    String assetDid;
    String serviceId;
    int position;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && position == key.position
          && Objects.equals(assetDid, key.assetDid)
          && Objects.equals(serviceId, key.serviceId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(assetDid, serviceId, position);
    }
  }
}
