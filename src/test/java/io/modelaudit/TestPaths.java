package io.modelaudit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

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

  private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

  /**
   * {@code ../shared/corpus}, which CI lays beside the clone. Without it, a test that reads it is
   * skipped (said once, on stderr); under {@code CI=true} it is required.
   */
  public static Path corpus() {
    Path p = projectRoot().resolveSibling("shared").resolve("corpus");
    if (!Files.isDirectory(p)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("the shared corpus is missing: expected it at " + p);
      }
      if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
        System.err.println(
            "model-audit tests: the shared corpus is not at "
                + p
                + ", so the tests that read it are skipped (CI lays ../shared beside the clone;"
                + " with CI=true it is required)");
      }
      Assumptions.abort("the shared corpus is not at " + p);
    }
    return p;
  }
}
