package io.modelaudit.audit;

import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.formats.keras.KerasH5Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the architecture JSON that belongs to a weights-only HDF5 file by the common naming: {@code
 * X_weights.h5} (or {@code X.h5}, {@code X.weights.h5}) beside {@code X_config.json}, {@code
 * X_model.json}, {@code X_architecture.json} or {@code X.json}; failing that, the one architecture
 * JSON of a folder whose only weights-only file it is, whatever their names.
 */
public final class ArchitectureSiblings {
  private static final String[] WEIGHT_SUFFIXES = {
    "_weights", ".weights", "-weights", "_weight", ""
  };
  private static final String[] CONFIG_SUFFIXES = {
    "_config.json", "_model.json", "_architecture.json", ".json", "-config.json", "-model.json"
  };

  private ArchitectureSiblings() {}

  /** A folder with more entries than this is not searched for a pair by content. */
  private static final int MAX_FOLDER_ENTRIES = 256;

  /** The first existing candidate, or the folder's pair, or null. */
  public static Path find(Path weightsFile) {
    for (Path candidate : candidates(weightsFile)) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return onlyPairInFolder(weightsFile);
  }

  /**
   * Whether {@link #onlyPairInFolder} may pair files of this folder by content: it is not searched
   * when it holds more entries than that search reads.
   */
  public static boolean searchedByContent(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.limit(MAX_FOLDER_ENTRIES + 1).count() <= MAX_FOLDER_ENTRIES;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The architecture JSON of a folder that holds exactly one Keras architecture JSON and exactly
   * one weights-only HDF5 file, this one (other files do not matter); null otherwise.
   */
  static Path onlyPairInFolder(Path weightsFile) {
    Path folder = weightsFile.toAbsolutePath().getParent();
    if (folder == null) {
      return null;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(folder)) {
      entries = s.limit(MAX_FOLDER_ENTRIES + 1).collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
    if (entries.size() > MAX_FOLDER_ENTRIES) {
      return null;
    }
    Path architecture = null;
    for (Path p : entries) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      ModelFormat format;
      try {
        format = FormatDetector.detect(p);
      } catch (IOException e) {
        continue;
      }
      if (format == ModelFormat.KERAS_JSON) {
        if (architecture != null) {
          return null;
        }
        architecture = p;
      } else if (format == ModelFormat.HDF5
          && !isSameFile(p, weightsFile)
          && KerasH5Reader.isWeightsOnly(p)) {
        return null;
      }
    }
    return architecture;
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
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
