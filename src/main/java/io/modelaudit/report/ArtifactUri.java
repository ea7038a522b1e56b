package io.modelaudit.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A report's file path as CI servers want it: relative to the current directory (where a CI job
 * runs, the checkout), with {@code /} separators.
 */
public final class ArtifactUri {
  private ArtifactUri() {}

  /**
   * The path relative to {@code base} with {@code /} separators ({@code ../} where it lies
   * outside); an absolute path on another root stays absolute.
   */
  public static String relativePath(String path, Path base) {
    try {
      Path p = Path.of(path);
      Path absolute = p.toAbsolutePath().normalize();
      Path root = base.toAbsolutePath().normalize();
      Path relative =
          absolute.getRoot() != null && absolute.getRoot().equals(root.getRoot())
              ? root.relativize(absolute)
              : absolute;
      return slashes(relative.toString());
    } catch (IllegalArgumentException e) { // InvalidPathException among them
      return slashes(path);
    }
  }

  /**
   * The relative path as a URI reference: every byte but unreserved characters and {@code /}
   * percent-encoded (UTF-8), so spaces, {@code #}, {@code ?}, {@code :} and control characters
   * cannot change what it names.
   */
  public static String uri(String relativePath) {
    StringBuilder b = new StringBuilder();
    for (byte raw : relativePath.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if (c == '/' || unreserved(c)) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  /** The directory as an absolute {@code file:} URI ending in {@code /}. */
  public static String directoryUri(Path directory) {
    String s = directory.toAbsolutePath().normalize().toUri().toString();
    return s.endsWith("/") ? s : s + "/";
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static String slashes(String s) {
    return s.replace('\\', '/');
  }
}
