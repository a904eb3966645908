package org.cove.provider.internal.approvals;

import static org.cove.shared.Jsons.JSON;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cove.provider.Asset;
import org.cove.provider.CodeReview.CodeFile;
import org.cove.provider.ProviderException;
import org.cove.provider.internal.files.ChangedFileException;
import org.cove.provider.internal.files.FileContents;

/**
 * An algorithm's code as a reviewer reads it: each file of its first service (the files its
 * checksum covers) as UTF-8 text, up to {@link #MAX_BYTES} each; and unified diffs between
 * versions.
 */
@ApplicationScoped
class AlgorithmCode {

  static final int MAX_BYTES = 1 << 20;

  private FileContents contents;

  @Inject
  AlgorithmCode(FileContents contents) {
    this.contents = contents;
  }

  /** For CDI's proxy. */
  protected AlgorithmCode() {}

  /**
   * The files, each read to its end so that the whole of it is checked against what was published.
   *
   * @throws ProviderException {@code algorithm_changed} (409) when a file no longer matches
   */
  List<CodeFile> read(Asset algorithm) {
    String serviceId = algorithm.services().get(0).id();
    String did = algorithm.did().value();
    List<CodeFile> files = new ArrayList<>();
    for (int i = 0; i < contents.count(did, serviceId); i++) {
      try (FileContents.Content content = contents.open(did, serviceId, i)) {
        files.add(file(content.filename(), content.stream()));
      } catch (ChangedFileException e) {
        throw ProviderException.changed(
            ProviderException.ALGORITHM_CHANGED,
            "file "
                + i
                + " of the algorithm no longer matches what was published; it is not shown, and"
                + " it will not run");
      } catch (IOException e) {
        throw new ProviderException(
            ProviderException.FILE_UNAVAILABLE, "the algorithm's code could not be read");
      }
    }
    return files;
  }

  private static CodeFile file(String name, InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean truncated = false;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      int room = MAX_BYTES - bytes.size();
      if (n > room) {
        truncated = true;
      }
      bytes.write(buffer, 0, Math.min(n, room)); // past the limit, read on only to check it all
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      boolean binary = text.indexOf('\0') >= 0;
      return new CodeFile(name, binary ? "" : text, binary, truncated);
    } catch (CharacterCodingException e) {
      return new CodeFile(name, "", !truncated, truncated);
    }
  }

  /** A unified diff from the approved files to these, file by file in order. */
  static String diff(List<CodeFile> approved, List<CodeFile> current) {
    StringBuilder diff = new StringBuilder();
    int files = Math.max(approved.size(), current.size());
    for (int i = 0; i < files; i++) {
      CodeFile before = i < approved.size() ? approved.get(i) : new CodeFile("", "", false, false);
      CodeFile after = i < current.size() ? current.get(i) : new CodeFile("", "", false, false);
      List<String> from = before.text().lines().toList();
      List<String> to = after.text().lines().toList();
      List<String> lines =
          UnifiedDiffUtils.generateUnifiedDiff(
              "approved/" + before.name(),
              "requested/" + after.name(),
              from,
              DiffUtils.diff(from, to),
              3);
      lines.forEach(line -> diff.append(line).append('\n'));
    }
    return diff.toString();
  }

  static String toJson(List<CodeFile> files) {
    JsonArrayBuilder json = JSON.createArrayBuilder();
    files.forEach(
        f ->
            json.add(
                JSON.createObjectBuilder()
                    .add("name", f.name())
                    .add("text", f.text())
                    .add("binary", f.binary())
                    .add("truncated", f.truncated())));
    return json.build().toString();
  }

  static List<CodeFile> fromJson(String json) {
    return JSON.createReader(new StringReader(json)).readArray().stream()
        .map(JsonObject.class::cast)
        .map(
            f ->
                new CodeFile(
                    f.getString("name"),
                    f.getString("text"),
                    f.getBoolean("binary"),
                    f.getBoolean("truncated")))
        .toList();
  }

  static Optional<String> nonEmpty(String diff) {
    return diff.isBlank() ? Optional.empty() : Optional.of(diff);
  }
}
