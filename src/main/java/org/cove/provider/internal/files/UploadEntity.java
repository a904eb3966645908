package org.cove.provider.internal.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "provider_upload")
class UploadEntity {

  @Id
  @Column(length = 36)
  String id;

  @Column(nullable = false, length = 42)
  String owner;

  @Column(nullable = false, length = 255)
  String filename;

  @Column(nullable = false)
  long size;

  @Column(nullable = false, length = 64)
  String sha256;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  protected UploadEntity() {}

  UploadEntity(String id, String owner, String filename, long size, String sha256, Instant at) {
    this.id = id;
    this.owner = owner;
    this.filename = filename;
    this.size = size;
    this.sha256 = sha256;
    this.createdAt = at;
  }
}
