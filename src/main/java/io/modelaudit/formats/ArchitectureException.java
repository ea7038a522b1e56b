package io.modelaudit.formats;

import java.nio.file.Path;

/**
 * A weights-only file could not be audited because of its separate architecture file: the report
 * names that file, and a folder scan does not audit it a second time on its own.
 */
public final class ArchitectureException extends ModelFileException {
  private final Path architecture;

  public ArchitectureException(Path architecture, ModelFileException cause) {
    super(cause.kind(), cause.getMessage(), cause);
    this.architecture = architecture;
  }

  public Path architecture() {
    return architecture;
  }
}
