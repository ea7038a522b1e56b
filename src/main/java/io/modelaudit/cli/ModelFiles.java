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
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().filter(ModelFiles::looksLikeModel).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          files.add(p);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** In folders, only files whose content is a format the tool audits. */
  private static boolean looksLikeModel(Path file) {
    try {
      return FormatDetector.detect(file) == ModelFormat.HDF5;
    } catch (IOException e) {
      return false;
    }
  }
}
