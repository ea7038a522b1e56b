package io.modelaudit.formats.keras;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the architecture JSON that belongs to a weights-only HDF5 file by the common naming: {@code
 * X_weights.h5} (or {@code X.h5}, {@code X.weights.h5}) beside {@code X_config.json}, {@code
 * X_model.json}, {@code X_architecture.json} or {@code X.json}.
 */
public final class ArchitectureSiblings {
  private static final String[] WEIGHT_SUFFIXES = {
    "_weights", ".weights", "-weights", "_weight", ""
  };
  private static final String[] CONFIG_SUFFIXES = {
    "_config.json", "_model.json", "_architecture.json", ".json", "-config.json", "-model.json"
  };

  private ArchitectureSiblings() {}

  /** The first existing candidate, or null. */
  public static Path find(Path weightsFile) {
    for (Path candidate : candidates(weightsFile)) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Candidate names, most specific first. */
  public static List<Path> candidates(Path weightsFile) {
    String name = weightsFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    List<Path> out = new ArrayList<>();
    for (String w : WEIGHT_SUFFIXES) {
      if (w.isEmpty() || stem.endsWith(w)) {
        String base = stem.substring(0, stem.length() - w.length());
        if (base.isEmpty()) {
          continue;
        }
        for (String c : CONFIG_SUFFIXES) {
          out.add(weightsFile.resolveSibling(base + c));
        }
      }
    }
    return out;
  }
}
