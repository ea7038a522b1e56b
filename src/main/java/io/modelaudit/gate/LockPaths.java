package io.modelaudit.gate;

import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * How the lock names files: relative to the current directory, with '/' separators, so that a lock
 * made in a checkout on one machine holds in a checkout on another.
 */
public final class LockPaths {
  private LockPaths() {}

  /**
   * @throws IllegalArgumentException when the file has no path relative to the current directory
   *     (another drive)
   */
  public static String of(Path file) {
    Path here = Path.of("").toAbsolutePath().normalize();
    Path relative = here.relativize(file.toAbsolutePath().normalize());
    StringJoiner s = new StringJoiner("/");
    for (Path part : relative) {
      s.add(part.toString());
    }
    return s.toString();
  }

  /** Whether lock path {@code path} is {@code scope} or lies below it (both lock paths). */
  public static boolean within(String path, String scope) {
    return scope.isEmpty() || path.equals(scope) || path.startsWith(scope + "/");
  }
}
