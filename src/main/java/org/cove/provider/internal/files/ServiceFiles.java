package org.cove.provider.internal.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetDraft.ServiceDraft;
import org.cove.provider.AssetType;
import org.cove.provider.FileSource;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.InvalidDdoException.FieldError;
import org.cove.shared.Address;

/**
 * The files behind an asset's services: checks that uploads belong to the publisher, hashes what
 * must be hashed, and keeps each reference sealed in {@code provider_file}.
 */
@ApplicationScoped
public class ServiceFiles {

  static final String SAMPLE = "sample";

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private FileVault vault;
  private JpaUploads uploads;
  private UrlFetcher urls;

  @Inject
  ServiceFiles(FileVault vault, JpaUploads uploads, UrlFetcher urls) {
    this.vault = vault;
    this.uploads = uploads;
    this.urls = urls;
  }

  /** For CDI's proxy. */
  protected ServiceFiles() {}

  /** What publishing learned about the files. */
  public record Resolved(Optional<String> filesChecksum, Optional<byte[]> sample) {}

  /** A file of a service, its reference opened. */
  record StoredFile(FileSource source, Optional<String> sha256, Optional<Long> size) {}

  /** Removes the asset's file rows, before an update stores the new ones. */
  public void clear(String did) {
    entityManager
        .createQuery("delete from FileEntity f where f.assetDid = :did")
        .setParameter("did", did)
        .executeUpdate();
  }

  /**
   * Stores the draft's file rows. An algorithm's files checksum is Ocean's: the SHA-256 of each
   * file of its first service, concatenated in order.
   */
  public Resolved store(String did, Address publisher, AssetDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    StringBuilder checksum = new StringBuilder();
    for (int i = 0; i < draft.services().size(); i++) {
      ServiceDraft service = draft.services().get(i);
      boolean hashUrls = draft.type() == AssetType.ALGORITHM && i == 0;
      for (int j = 0; j < service.files().size(); j++) {
        String path = "services[" + i + "].files[" + j + "]";
        FileSource source = service.files().get(j);
        Optional<UrlFetcher.Digest> digest = digest(source, publisher, hashUrls, path, errors);
        if (hashUrls) {
          digest.ifPresent(d -> checksum.append(d.sha256()));
        }
        entityManager.persist(
            new FileEntity(
                did,
                service.id(),
                j,
                vault.seal(source, FileVault.binding(did, service.id(), j)),
                digest.map(UrlFetcher.Digest::sha256).orElse(null),
                digest.map(UrlFetcher.Digest::size).orElse(null)));
      }
    }
    Optional<byte[]> sample = draft.sample().map(s -> sample(did, s, publisher, errors));
    if (!errors.isEmpty()) {
      throw new InvalidDdoException(errors);
    }
    return new Resolved(
        draft.type() == AssetType.ALGORITHM ? Optional.of(checksum.toString()) : Optional.empty(),
        sample);
  }

  /** The files of a service, in order, their references opened. */
  List<StoredFile> files(String did, String serviceId) {
    return entityManager
        .createQuery(
            "select f from FileEntity f where f.assetDid = :did and f.serviceId = :service"
                + " order by f.position",
            FileEntity.class)
        .setParameter("did", did)
        .setParameter("service", serviceId)
        .getResultList()
        .stream()
        .map(
            f ->
                new StoredFile(
                    vault.open(f.reference, FileVault.binding(did, serviceId, f.position)),
                    Optional.ofNullable(f.sha256),
                    Optional.ofNullable(f.size)))
        .toList();
  }

  /** The sample file's reference, opened. */
  FileSource sample(String did, byte[] sealed) {
    return vault.open(sealed, FileVault.binding(did, SAMPLE, 0));
  }

  private Optional<UrlFetcher.Digest> digest(
      FileSource source,
      Address publisher,
      boolean hashUrls,
      String path,
      List<FieldError> errors) {
    if (source instanceof FileSource.Upload upload) {
      Optional<UploadEntity> found = uploads.find(upload.uploadId(), publisher.value());
      if (found.isEmpty()) {
        errors.add(new FieldError(path + ".id", "is not one of your uploads"));
      }
      return found.map(u -> new UrlFetcher.Digest(u.sha256, u.size));
    }
    return hashUrls
        ? Optional.of(urls.digest(((FileSource.Url) source).url(), uploads.maxBytes()))
        : Optional.empty();
  }

  private byte[] sample(String did, FileSource source, Address publisher, List<FieldError> errors) {
    if (!(source instanceof FileSource.Upload upload)
        || uploads.find(upload.uploadId(), publisher.value()).isEmpty()) {
      errors.add(new FieldError("sample.id", "the sample must be one of your uploads"));
    }
    return vault.seal(source, FileVault.binding(did, SAMPLE, 0));
  }
}
