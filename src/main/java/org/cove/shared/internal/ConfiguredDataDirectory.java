package org.cove.shared.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cove.shared.DataDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
class ConfiguredDataDirectory implements DataDirectory {

  private Path root;

  @Inject
  ConfiguredDataDirectory(@ConfigProperty(name = "cove.data.dir") String root) {
    this.root = Path.of(root).toAbsolutePath().normalize();
  }

  /** For CDI's proxy. */
  protected ConfiguredDataDirectory() {}

  @Override
  public Path root() {
    return create(root);
  }

  @Override
  public Path directory(String name) {
    Path dir = root.resolve(name).normalize();
    if (!dir.startsWith(root)) {
      throw new IllegalArgumentException("not a sub-directory name");
    }
    return create(dir);
  }

  private static Path create(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory", e);
    }
  }
}
