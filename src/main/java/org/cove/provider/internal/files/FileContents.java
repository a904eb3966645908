package org.cove.provider.internal.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.cove.provider.FileSource;
import org.cove.shared.NotFoundException;

/**
 * Opens the content of an asset's files wherever it lives (an upload or a snapshot in the data
 * directory, or a URL fetched from inside the publisher's network), without ever telling the caller
 * where. A pinned file's stream checks its bytes as they are read and ends in {@link
 * ChangedFileException}, its last byte withheld, if they are not the bytes it is pinned to.
 */
@ApplicationScoped
public class FileContents {

  private ServiceFiles serviceFiles;
  private JpaUploads uploads;
  private UrlFetcher urls;

  @Inject
  FileContents(ServiceFiles serviceFiles, JpaUploads uploads, UrlFetcher urls) {
    this.serviceFiles = serviceFiles;
    this.uploads = uploads;
    this.urls = urls;
  }

  /** For CDI's proxy. */
  protected FileContents() {}

  /**
   * One opened file: a name to offer for download, its size when known, its bytes, and the SHA-256
   * they are checked against, if the file is pinned.
   */
  public record Content(
      String filename, Optional<Long> size, InputStream stream, Optional<String> pin)
      implements AutoCloseable {

    /** The same file, its stream checked against {@code sha256}. */
    Content pinnedTo(String sha256) {
      return new Content(filename, size, new VerifyingStream(stream, sha256), Optional.of(sha256));
    }

    @Override
    public void close() throws java.io.IOException {
      stream.close();
    }
  }

  /** How many files the service has. */
  public int count(String did, String serviceId) {
    return serviceFiles.files(did, serviceId).size();
  }

  /**
   * The {@code index}th file of a service (from 0); the caller closes it.
   *
   * @throws NotFoundException when the service has no such file
   */
  public Content open(String did, String serviceId, int index) {
    List<ServiceFiles.StoredFile> files = serviceFiles.files(did, serviceId);
    if (index < 0 || index >= files.size()) {
      throw new NotFoundException("the service has no file " + index);
    }
    ServiceFiles.StoredFile file = files.get(index);
    Content content = open(file.source(), file.size(), "file-" + index);
    return file.pin().map(content::pinnedTo).orElse(content);
  }

  /** The sample file of an asset that has one (the caller checked), sealed as stored. */
  public Content openSample(String did, byte[] sealedSample) {
    return open(serviceFiles.sample(did, sealedSample), Optional.empty(), "sample");
  }

  private Content open(FileSource source, Optional<Long> size, String fallbackName) {
    if (source instanceof FileSource.Upload upload) {
      UploadEntity entity =
          uploads
              .find(upload.uploadId())
              .orElseThrow(() -> new NotFoundException("the file is no longer available"));
      return new Content(
          entity.filename, Optional.of(entity.size), uploads.open(entity.id), Optional.empty());
    }
    FileSource.Url url = (FileSource.Url) source;
    return new Content(
        FileNames.of(url.url(), fallbackName), size, urls.open(url.url()), Optional.empty());
  }
}
