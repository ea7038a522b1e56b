package io.modelaudit.cli;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code --exclude GLOB} patterns. A glob is matched against a file's path relative to the
 * folder scanned and against the whole path as given (also without a leading {@code ./}), with
 * {@code /} between names; {@code *} stays within one name, {@code **} crosses them.
 */
final class Exclusions {
  private record Pattern(String glob, PathMatcher matcher) {}

  private final List<Pattern> patterns;

  private Exclusions(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  /** A glob that is not one; its message is the line to print. */
  static final class BadGlob extends Exception {
    BadGlob(String message) {
      super(message);
    }
  }

  static Exclusions of(List<String> globs) throws BadGlob {
    List<Pattern> patterns = new ArrayList<>();
    for (String glob : globs) {
      patterns.add(new Pattern(glob, matcher(glob, "--exclude")));
    }
    return new Exclusions(patterns);
  }

  /** A {@code glob:} matcher; {@code what} names where the glob came from, for the message. */
  private static PathMatcher matcher(String glob, String what) throws BadGlob {
    if (glob.isEmpty()) {
      throw new BadGlob(what + ": the glob is empty");
    }
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      throw new BadGlob(what + " '" + glob + "': not a glob (" + e.getDescription() + ")");
    }
  }

  /**
   * The glob that excludes a file or folder, or null.
   *
   * @param relative its path relative to the folder scanned, or null for a path given as such
   * @param whole its path as given or found (the folder's path and the relative one)
   */
  String excluding(Path relative, Path whole) {
    for (Pattern p : patterns) {
      if (matches(p.matcher(), relative)
          || matches(p.matcher(), whole)
          || matches(p.matcher(), whole.normalize())) {
        return p.glob();
      }
    }
    return null;
  }

  private static boolean matches(PathMatcher matcher, Path path) {
    return path != null && !path.toString().isEmpty() && matcher.matches(path);
  }
}
