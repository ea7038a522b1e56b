package io.modelaudit.cli;

import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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

  /** A file a folder scan left out, and why (shown under {@code --verbose}). */
  record Left(Path file, String why) {}

  /**
   * What the command line's paths expand to: the files to audit, the files folder scans skipped
   * because they are clearly not models (counted in the summary), and the paths {@code --exclude}
   * left out.
   */
  record Expansion(List<Target> targets, List<Left> skipped, List<Left> excluded) {}

  /**
   * The files to audit. {@code notes} hears of what a folder scan leaves out on purpose (a symbolic
   * link to a folder the scan already covers: a loop, or a second way to one folder) and of the
   * symbolic links it follows out of the folder.
   */
  static Expansion expand(List<Path> paths, Exclusions exclusions, Consumer<String> notes) {
    return expand(paths, exclusions, notes, 1);
  }

  /**
   * As {@link #expand(List, Exclusions, Consumer)}, detecting the formats of the files folder scans
   * find on {@code workers} threads (reading each file's first bytes is most of a scan's time).
   */
  static Expansion expand(
      List<Path> paths, Exclusions exclusions, Consumer<String> notes, int workers) {
    List<Target> files = new ArrayList<>();
    List<Left> skipped = new ArrayList<>();
    List<Left> excluded = new ArrayList<>();
    for (Path p : paths) {
      String glob = exclusions.excluding(null, p);
      if (glob != null) {
        excluded.add(new Left(p, "excluded by --exclude " + glob));
      } else if (Files.isDirectory(p)) {
        List<Target> found = new ArrayList<>();
        int excludedBefore = excluded.size();
        List<Path> walked = walk(p, exclusions, excluded, notes);
        List<Detected> detected = detectAll(walked, workers);
        for (int i = 0; i < walked.size(); i++) {
          Path f = walked.get(i);
          ModelFormat format = detected.get(i).format();
          String notModel = detected.get(i).whySkipped();
          if (notModel != null) {
            skipped.add(new Left(f, notModel));
          } else if (format.isModel() || format == ModelFormat.LFS_POINTER) {
            found.add(new Target(f, true, format));
          } else if (!Files.isReadable(f)) {
            // reported as unreadable, one line, instead of skipped (a broken link among them)
            found.add(new Target(f, false, null));
          }
        }
        // A folder without models is reported like an unreadable file: the auditor says why. Not
        // when --exclude left something out of it: what remains is what was asked for.
        if (found.isEmpty() && excluded.size() == excludedBefore) {
          files.add(new Target(p, false, null));
        }
        files.addAll(found);
      } else {
        files.add(new Target(p, false, null));
      }
    }
    if (excluded.size() > 1) {
      // Not otherwise: a Comparator's lambdas cannot be in the class-data archive (2 ms a run).
      excluded.sort(Comparator.comparing(Left::file));
    }
    return new Expansion(once(files, notes), skipped, excluded);
  }

  /**
   * The targets without the second and later ways to one file (the same path twice, a symbolic link
   * to a file audited already, a folder given twice): each is noted and the first is kept. Files
   * are the same when their real paths are; a path that does not resolve is compared as given, made
   * absolute.
   */
  private static List<Target> once(List<Target> targets, Consumer<String> notes) {
    Map<Path, Target> first = new HashMap<>();
    List<Target> out = new ArrayList<>();
    for (Target t : targets) {
      Path real = realPath(t.file());
      Target before = first.putIfAbsent(real == null ? key(t.file()) : real, t);
      if (before == null) {
        out.add(t);
      } else if (before.file().equals(t.file())) {
        notes.accept(t.file() + ": named more than once: audited once");
      } else {
        notes.accept(t.file() + ": audited once: the same file as " + before.file());
      }
    }
    return out;
  }

  /**
   * The files below a folder, sorted, symbolic links followed: a link to a file is a file there, a
   * link to a folder is searched unless the scan already went into that folder, so that neither a
   * loop nor links that fan out to the same folders again and again can make the scan endless. A
   * link that leads out of the folder is followed too, and noted: the report names the link, and
   * the note where it leads. An entry that cannot be read (a folder without permission, a broken
   * link) is kept as a file so that the audit reports it; the rest of the walk goes on.
   */
  private static List<Path> walk(
      Path folder, Exclusions exclusions, List<Left> excluded, Consumer<String> notes) {
    List<Path> files = new ArrayList<>();
    Set<Object> foldersSeen = new HashSet<>();
    Path inside = realPath(folder);
    try {
      Files.walkFileTree(
          folder,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(folder) && excluded(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (foldersSeen.add(folderKey(dir, attrs))) {
                noteIfOutside(dir, "folder", "searched", inside, notes);
                return FileVisitResult.CONTINUE;
              }
              notes.accept(
                  dir + ": not searched again: a symbolic link to a folder searched already");
              return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              // Regular files, and links whose target is missing (their attributes are the link's)
              if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && !excluded(file)) {
                files.add(file);
                noteIfOutside(file, "file", "audited", inside, notes);
              }
              return FileVisitResult.CONTINUE;
            }

            private boolean excluded(Path p) {
              String glob = exclusions.excluding(folder.relativize(p), p);
              if (glob != null) {
                excluded.add(new Left(p, "excluded by --exclude " + glob));
              }
              return glob != null;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (excluded(file)) {
                return FileVisitResult.CONTINUE;
              }
              if (e instanceof FileSystemLoopException) {
                notes.accept(
                    file + ": not searched: a symbolic link to a folder that contains it (a loop)");
              } else {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      files.add(folder);
    }
    files.sort(null);
    return files;
  }

  /**
   * Notes a symbolic link whose target is outside the folder scanned ({@code inside}, a real path);
   * a link among the folders above it, already noted, leads outside as well.
   */
  private static void noteIfOutside(
      Path link, String kind, String done, Path inside, Consumer<String> notes) {
    if (!Files.isSymbolicLink(link)) {
      return;
    }
    Path target = realPath(link);
    if (target != null && inside != null && !target.startsWith(inside)) {
      notes.accept(
          link + ": " + done + ": a symbolic link to a " + kind + " outside the folder: " + target);
    }
  }

  /** The real path, links resolved; null when it cannot be resolved (a broken link). */
  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** What identifies a folder whatever the path to it: its file key, else its real path. */
  private static Object folderKey(Path dir, BasicFileAttributes attrs) {
    if (attrs.fileKey() != null) {
      return attrs.fileKey();
    }
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return key(dir);
    }
  }

  /** What a scan found a file to be: its format, and why it is skipped (null when it is not). */
  private record Detected(ModelFormat format, String whySkipped) {}

  /**
   * The format of each file, in the files' order. Whether a file is skipped is decided on the same
   * threads: for an HDF5 file that means opening it (a tenth of a corpus scan's time).
   */
  private static List<Detected> detectAll(List<Path> files, int workers) {
    if (workers == 1 || files.size() < 2) {
      return files.stream().map(ModelFiles::detect).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, ModelFiles::daemon);
    try {
      List<Future<Detected>> pending = new ArrayList<>(files.size());
      for (Path f : files) {
        pending.add(pool.submit(() -> detect(f)));
      }
      List<Detected> formats = new ArrayList<>(files.size());
      for (Future<Detected> f : pending) {
        formats.add(f.get());
      }
      return formats;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning folders", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "model-audit-scan");
    t.setDaemon(true);
    return t;
  }

  /** In folders, only files whose content is a format the tool audits. */
  private static Detected detect(Path file) {
    ModelFormat format;
    try {
      format = FormatDetector.detect(file);
    } catch (IOException e) {
      format = ModelFormat.UNKNOWN;
    }
    return new Detected(format, NotModels.whySkipped(file, format));
  }
}
