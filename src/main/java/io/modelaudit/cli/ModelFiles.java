package io.modelaudit.cli;

import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expands the command line's paths: files are taken as given (even when they turn out not to be
 * models, which is then reported), folders are searched recursively for files that are models.
 */
final class ModelFiles {
  private ModelFiles() {}

  /**
   * One file to audit.
   *
   * @param found whether a folder scan found it (rather than the command line naming it)
   * @param format what its content is, for files found in folders; null for named files
   */
  record Target(Path file, boolean found, ModelFormat format) {
    /**
     * A Keras architecture JSON found in a folder that a weights-only HDF5 file of the same scan
     * was already audited with (its sibling by name): auditing it alone would repeat that model
     * without its weights.
     */
    boolean auditedWith(Set<Path> architecturesUsed) {
      return found && format == ModelFormat.KERAS_JSON && architecturesUsed.contains(key(file));
    }

    /** Whether to audit it after the others: only an architecture JSON can be paired. */
    boolean waitsForPairing() {
      return found && format == ModelFormat.KERAS_JSON;
    }
  }

  /** How paths are compared across the command line, the folder walk and the reports. */
  static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  static List<Target> expand(List<Path> paths) {
    List<Target> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Target> found = new ArrayList<>();
        for (Path f : walk(p)) {
          ModelFormat format = detect(f);
          if (format.isModel()) {
            found.add(new Target(f, true, format));
          } else if (!Files.isReadable(f)) {
            found.add(
                new Target(f, false, null)); // reported as unreadable, one line, instead of skipped
          }
        }
        // A folder without models is reported like an unreadable file: the auditor says why.
        files.addAll(found.isEmpty() ? List.of(new Target(p, false, null)) : found);
      } else {
        files.add(new Target(p, false, null));
      }
    }
    return files;
  }

  /**
   * The regular files below a folder, sorted. An entry that cannot be read (a folder without
   * permission) is kept as a file so that the audit reports it; the rest of the walk goes on.
   */
  private static List<Path> walk(Path folder) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              files.add(file);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      files.add(folder);
    }
    files.sort(null);
    return files;
  }

  /** In folders, only files whose content is a format the tool audits. */
  private static ModelFormat detect(Path file) {
    try {
      return FormatDetector.detect(file);
    } catch (IOException e) {
      return ModelFormat.UNKNOWN;
    }
  }
}
