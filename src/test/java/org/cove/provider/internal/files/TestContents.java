package org.cove.provider.internal.files;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cove.shared.Hashes;
import org.cove.shared.NotFoundException;

/**
 * Service files from memory for tests of the rooms that read them: each file serves its bytes and
 * may be pinned to the SHA-256 of other bytes (what was published), checked as {@link FileContents}
 * checks a stored file.
 */
public final class TestContents extends FileContents {

  private record File(byte[] served, Optional<String> pin) {}

  private final Map<String, List<File>> files = new ConcurrentHashMap<>();

  /** An unpinned file (a dataset's upload, say). */
  public TestContents file(String did, String serviceId, byte[] served) {
    return add(did, serviceId, new File(served, Optional.empty()));
  }

  /** A file pinned to {@code published}, serving {@code served} (the same, or altered). */
  public TestContents pinned(String did, String serviceId, byte[] published, byte[] served) {
    return add(did, serviceId, new File(served, Optional.of(Hashes.sha256Hex(published))));
  }

  private TestContents add(String did, String serviceId, File file) {
    files.computeIfAbsent(did + "/" + serviceId, k -> new ArrayList<>()).add(file);
    return this;
  }

  @Override
  public int count(String did, String serviceId) {
    return files.getOrDefault(did + "/" + serviceId, List.of()).size();
  }

  @Override
  public Content open(String did, String serviceId, int index) {
    List<File> service = files.getOrDefault(did + "/" + serviceId, List.of());
    if (index >= service.size()) {
      throw new NotFoundException("the service has no file " + index);
    }
    File file = service.get(index);
    Content content =
        new Content(
            "file-" + index,
            Optional.of((long) file.served().length),
            new ByteArrayInputStream(file.served()),
            Optional.empty());
    return file.pin().map(content::pinnedTo).orElse(content);
  }
}
