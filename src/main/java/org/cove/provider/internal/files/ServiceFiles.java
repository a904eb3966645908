package org.cove.provider.internal.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cove.provider.AssetDraft;
import org.cove.provider.AssetDraft.ServiceDraft;
import org.cove.provider.AssetType;
import org.cove.provider.FileSource;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.InvalidDdoException.FieldError;
import org.cove.provider.ProviderException;
import org.cove.provider.Uploads;
import org.cove.shared.Address;

/**
 * The files behind an asset's services: checks that uploads belong to the publisher and that URLs
 * point where Cove may fetch from, takes a snapshot of each URL-backed algorithm file, records and
 * pins what later reads are checked against, and keeps each reference sealed in {@code
 * provider_file}.
 */
@ApplicationScoped
public class ServiceFiles {

  static final String SAMPLE = "sample";

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private FileVault vault;
  private JpaUploads uploads;
  private UrlFetcher urls;
  private OutboundPolicy outbound;

  @Inject
  ServiceFiles(FileVault vault, JpaUploads uploads, UrlFetcher urls, OutboundPolicy outbound) {
    this.vault = vault;
    this.uploads = uploads;
    this.urls = urls;
    this.outbound = outbound;
  }

  /** For CDI's proxy. */
  protected ServiceFiles() {}

  /** What publishing learned about the files. */
  public record Resolved(Optional<String> filesChecksum, Optional<byte[]> sample) {}

  /**
   * A file of a service, its reference opened, with the SHA-256 every read is checked against if it
   * is pinned.
   */
  record StoredFile(FileSource source, Optional<String> pin, Optional<Long> size) {}

  /** A file as it is kept: where its bytes are, and what is known of them. */
  private record Kept(FileSource source, FileEntity.Digest digest) {}

  /** Removes the asset's file rows, before an update stores the new ones. */
  public void clear(String did) {
    entityManager
        .createQuery("delete from FileEntity f where f.assetDid = :did")
        .setParameter("did", did)
        .executeUpdate();
  }

  /**
   * Stores the draft's file rows. Every file of an algorithm is pinned to its SHA-256, a URL-backed
   * one to that of the snapshot taken now: what a reviewer reads and what every job runs is the
   * stored copy, and a URL's server cannot serve each of them something else. A dataset's URL is
   * pinned to the checksum its publisher declared, if any, and fetched at each use. An algorithm's
   * files checksum is Ocean's: the SHA-256 of each file of its first service, concatenated in
   * order.
   */
  public Resolved store(String did, Address publisher, AssetDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    StringBuilder checksum = new StringBuilder();
    boolean algorithm = draft.type() == AssetType.ALGORITHM;
    for (int i = 0; i < draft.services().size(); i++) {
      ServiceDraft service = draft.services().get(i);
      for (int j = 0; j < service.files().size(); j++) {
        String path = "services[" + i + "].files[" + j + "]";
        Optional<Kept> kept = keep(service.files().get(j), publisher, algorithm, path, errors);
        if (kept.isEmpty()) {
          continue;
        }
        if (algorithm && i == 0) {
          kept.get().digest().sha256().ifPresent(checksum::append);
        }
        entityManager.persist(
            new FileEntity(
                did,
                service.id(),
                j,
                vault.seal(kept.get().source(), FileVault.binding(did, service.id(), j)),
                kept.get().digest()));
      }
    }
    Optional<byte[]> sample = draft.sample().map(s -> sample(did, s, publisher, errors));
    if (!errors.isEmpty()) {
      throw new InvalidDdoException(errors);
    }
    return new Resolved(algorithm ? Optional.of(checksum.toString()) : Optional.empty(), sample);
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
                    Optional.ofNullable(f.sha256).filter(hash -> f.pinned),
                    Optional.ofNullable(f.size)))
        .toList();
  }

  /** The sample file's reference, opened. */
  FileSource sample(String did, byte[] sealed) {
    return vault.open(sealed, FileVault.binding(did, SAMPLE, 0));
  }

  private Optional<Kept> keep(
      FileSource source,
      Address publisher,
      boolean algorithm,
      String path,
      List<FieldError> errors) {
    if (source instanceof FileSource.Upload upload) {
      Optional<UploadEntity> found = uploads.find(upload.uploadId(), publisher.value());
      if (found.isEmpty()) {
        errors.add(new FieldError(path + ".id", "is not one of your uploads"));
      }
      return found.map(
          u ->
              new Kept(
                  source,
                  new FileEntity.Digest(Optional.of(u.sha256), Optional.of(u.size), algorithm)));
    }
    FileSource.Url url = (FileSource.Url) source;
    Optional<String> refusal = outbound.refusal(url.url());
    if (refusal.isPresent()) {
      errors.add(new FieldError(path + ".url", refusal.get()));
      return Optional.empty();
    }
    if (!algorithm) {
      return Optional.of(
          new Kept(
              url,
              new FileEntity.Digest(url.sha256(), Optional.empty(), url.sha256().isPresent())));
    }
    return snapshot(url, path, errors);
  }

  /**
   * Fetches the algorithm's file once and keeps it; refused if it is not what was declared, or if
   * its URL does not give it (an error, a redirect, a name that now resolves to a private address):
   * the publisher must name a URL that serves the file.
   */
  private Optional<Kept> snapshot(FileSource.Url url, String path, List<FieldError> errors) {
    Uploads.Upload snapshot;
    try (InputStream content = urls.open(url.url())) {
      snapshot = uploads.storeSnapshot(FileNames.of(url.url(), "file"), content);
    } catch (ProviderException e) {
      if (e.type() != ProviderException.FILE_UNAVAILABLE) {
        throw e;
      }
      errors.add(new FieldError(path + ".url", e.detail()));
      return Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      throw new ProviderException(
          ProviderException.FILE_UNAVAILABLE, "the file could not be read to the end");
    }
    if (url.sha256().isPresent() && !url.sha256().get().equals(snapshot.sha256())) {
      errors.add(new FieldError(path + ".checksum", "does not match the file's content"));
      return Optional.empty();
    }
    return Optional.of(
        new Kept(
            new FileSource.Upload(snapshot.id()),
            new FileEntity.Digest(
                Optional.of(snapshot.sha256()), Optional.of(snapshot.size()), true)));
  }

  private byte[] sample(String did, FileSource source, Address publisher, List<FieldError> errors) {
    if (!(source instanceof FileSource.Upload upload)
        || uploads.find(upload.uploadId(), publisher.value()).isEmpty()) {
      errors.add(new FieldError("sample.id", "the sample must be one of your uploads"));
    }
    return vault.seal(source, FileVault.binding(did, SAMPLE, 0));
  }
}
