package io.modelaudit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of the committed test models and of the shared corpus beside the checkout. */
public final class TestPaths {
  private TestPaths() {}

  public static Path projectRoot() {
    return Path.of("").toAbsolutePath();
  }

  public static Path testModels() {
    return projectRoot().resolve("test-models");
  }

  public static Path kerasModels() {
    return testModels().resolve("keras");
  }

  /** {@code ../shared/corpus}, which CI lays beside the clone. */
  public static Path corpus() {
    Path p = projectRoot().resolveSibling("shared").resolve("corpus");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("the shared corpus is missing: expected it at " + p);
    }
    return p;
  }
}
