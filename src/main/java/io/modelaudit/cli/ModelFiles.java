package io.modelaudit.cli;

import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the command line's paths: files are taken as given (even when they turn out not to be
 * models, which is then reported), folders are searched recursively for files that are models.
 */
final class ModelFiles {
  private ModelFiles() {}

  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().filter(ModelFiles::looksLikeModel).forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
          found.clear();
        }
        // A folder without models is reported like an unreadable file: the auditor says why.
        files.addAll(found.isEmpty() ? List.of(p) : found);
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** In folders, only files whose content is a format the tool audits. */
  private static boolean looksLikeModel(Path file) {
    try {
      return FormatDetector.detect(file).isModel();
    } catch (IOException e) {
      return false;
    }
  }
}
