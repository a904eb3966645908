package org.cove.provider.internal.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.cove.identity.Principal;
import org.cove.provider.ProviderException;
import org.cove.provider.Uploads;
import org.cove.shared.DataDirectory;
import org.cove.shared.Hashes;
import org.cove.shared.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads live in {@code <data dir>/uploads/<id>}; the database knows owner, name, size, hash. The
 * snapshots of algorithms' URL-backed files live there too, owned by {@link #SNAPSHOTS}: that is no
 * address, so no publisher can name a snapshot as one of their uploads.
 */
@ApplicationScoped
class JpaUploads implements Uploads {

  static final String SNAPSHOTS = "snapshot";

  @PersistenceContext(unitName = "cove")
  EntityManager entityManager;

  private DataDirectory dataDirectory;
  private Clock clock;
  private long maxBytes;

  @Inject
  JpaUploads(
      DataDirectory dataDirectory,
      Clock clock,
      @ConfigProperty(name = "cove.upload.max.bytes", defaultValue = "1073741824") long maxBytes) {
    this.dataDirectory = dataDirectory;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /** For CDI's proxy. */
  protected JpaUploads() {}

  /** The largest file a publisher may give, uploaded or behind a URL. */
  long maxBytes() {
    return maxBytes;
  }

  @Override
  @Transactional
  public Upload store(Principal owner, String filename, InputStream content) {
    return store(owner.address().value(), FileNames.check(filename), content);
  }

  /**
   * Keeps the copy of a URL-backed file that everyone reads from then on, hashed over exactly the
   * bytes stored. Joins the caller's transaction: the publish that takes it.
   */
  Upload storeSnapshot(String filename, InputStream content) {
    return store(SNAPSHOTS, filename, content);
  }

  private Upload store(String owner, String name, InputStream content) {
    String id = UUID.randomUUID().toString();
    Path target = path(id);
    MessageDigest sha256 = Hashes.sha256();
    long size = copy(content, target, sha256);
    String hash = Hashes.hex(sha256.digest());
    entityManager.persist(new UploadEntity(id, owner, name, size, hash, clock.instant()));
    return new Upload(id, name, size, hash);
  }

  Optional<UploadEntity> find(String id) {
    return Optional.ofNullable(entityManager.find(UploadEntity.class, id));
  }

  /** The upload if it exists and belongs to {@code owner}. */
  Optional<UploadEntity> find(String id, String owner) {
    return Optional.ofNullable(entityManager.find(UploadEntity.class, id))
        .filter(u -> u.owner.equals(owner));
  }

  InputStream open(String id) {
    try {
      return Files.newInputStream(path(id));
    } catch (IOException e) {
      throw new NotFoundException("the uploaded file is gone");
    }
  }

  private Path path(String id) {
    return dataDirectory.directory("uploads").resolve(id);
  }

  private long copy(InputStream content, Path target, MessageDigest sha256) {
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int n; (n = content.read(buffer)) >= 0; ) {
        size += n;
        if (size > maxBytes) {
          throw new ProviderException(
              ProviderException.PAYLOAD_TOO_LARGE, "files may have at most " + maxBytes + " bytes");
        }
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      return size;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(target);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException("the upload could not be stored", (IOException) e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a half-written upload that cannot be deleted is harmless: no row points to it
    }
  }
}
