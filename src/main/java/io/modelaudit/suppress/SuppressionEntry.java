package io.modelaudit.suppress;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * One entry of a suppression file: a rule, optionally narrowed to model paths and layers by glob,
 * and the reason it is accepted.
 *
 * @param number its position in the file, from 1, for messages
 * @param path a glob over the model's path, or null for every model
 * @param layer a layer name or glob over the layer's path ({@code outer/inner}), or null for every
 *     layer and the model itself
 */
record SuppressionEntry(
    int number,
    Rule rule,
    String path,
    PathMatcher pathMatcher,
    String layer,
    PathMatcher layerMatcher,
    String reason) {

  /** Whether the entry covers a finding about the model shown as one of {@code modelPaths}. */
  boolean covers(Finding f, List<Path> modelPaths) {
    if (f.rule() != rule) {
      return false;
    }
    if (pathMatcher != null && modelPaths.stream().noneMatch(pathMatcher::matches)) {
      return false;
    }
    return layerMatcher == null || layerMatches(f.layer());
  }

  private boolean layerMatches(String name) {
    if (name == null) {
      return false;
    }
    if (name.equals(layer)) {
      return true;
    }
    try {
      return layerMatcher.matches(Path.of(name));
    } catch (InvalidPathException e) {
      return false; // a name no path can hold matches by equality only
    }
  }

  /** How a note names the entry. */
  String describe() {
    StringBuilder s = new StringBuilder("entry ").append(number).append(" (rule ").append(rule);
    if (path != null) {
      s.append(", path ").append(path);
    }
    if (layer != null) {
      s.append(", layer ").append(layer);
    }
    return s.append(')').toString();
  }
}
