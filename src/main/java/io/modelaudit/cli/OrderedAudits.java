package io.modelaudit.cli;

import io.modelaudit.audit.ArchitectureSiblings;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Audits the targets and hands each report on in the targets' order as soon as it is known, so that
 * a run keeps no more than a few reports in memory.
 *
 * <p>An architecture JSON found in a folder is skipped when a weights-only HDF5 file of the run was
 * audited with it. Before its turn, the later files that could pair with it are audited ahead
 * (their reports wait for their own turn): those beside it whose names point to it ({@link
 * ArchitectureSiblings#candidates}), or every file beside it when the folder is small enough to be
 * paired by content, or every later file when it is the {@code --config} architecture. Only those
 * reports are held.
 *
 * <p>With several workers, the targets a little ahead of the one whose turn it is are audited in
 * parallel (at most {@link #AHEAD_PER_WORKER} per worker; an architecture JSON as well, its report
 * dropped should it turn out to be used), and their reports still go out in the targets' order: the
 * output is the same whatever the number of workers, and the reports held wait only for the ones
 * before them. Whether an architecture JSON was used is decided from the same reports as with one
 * worker: those handed on before it and those it waited for.
 */
final class OrderedAudits {
  /** One audited target: its report, and the exception when the report stands for a bug of ours. */
  record Audited(ModelReport report, Throwable internal) {}

  private final List<ModelFiles.Target> targets;
  private final Path givenArchitecture;

  /** How many targets each worker may be given beyond the one whose turn it is. */
  static final int AHEAD_PER_WORKER = 4;

  private final Function<ModelFiles.Target, Audited> audit;
  private final int workers;
  private final Map<Integer, Future<Audited>> auditedAhead = new HashMap<>();
  private final Set<Path> architecturesUsed = new HashSet<>();
  private final Map<Path, List<Integer>> pairableByFolder = new HashMap<>();
  private final Map<Path, Boolean> searchedByContent = new HashMap<>();

  /**
   * @param givenArchitecture {@code --config}, or null
   * @param audit audits one target; never throws
   */
  OrderedAudits(
      List<ModelFiles.Target> targets,
      Path givenArchitecture,
      Function<ModelFiles.Target, Audited> audit) {
    this(targets, givenArchitecture, audit, 1);
  }

  /**
   * @param workers how many targets are audited at once; 1: each is audited on the calling thread,
   *     in its turn
   */
  OrderedAudits(
      List<ModelFiles.Target> targets,
      Path givenArchitecture,
      Function<ModelFiles.Target, Audited> audit,
      int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers: " + workers);
    }
    this.workers = workers;
    this.targets = targets;
    this.givenArchitecture = givenArchitecture == null ? null : ModelFiles.key(givenArchitecture);
    this.audit = audit;
    for (int i = 0; i < targets.size(); i++) {
      if (!targets.get(i).waitsForPairing()) {
        pairableByFolder.computeIfAbsent(folder(targets.get(i)), f -> new ArrayList<>()).add(i);
      }
    }
  }

  void forEach(Consumer<Audited> sink) {
    ExecutorService pool = workers == 1 ? null : newPool(workers);
    try {
      int aheadUpTo = 0;
      for (int i = 0; i < targets.size(); i++) {
        if (pool != null) {
          for (aheadUpTo = Math.max(aheadUpTo, i + 1);
              aheadUpTo < targets.size() && aheadUpTo <= i + workers * AHEAD_PER_WORKER;
              aheadUpTo++) {
            // An architecture JSON too: its report is the same whether or not it is shown.
            start(aheadUpTo, pool);
          }
        }
        ModelFiles.Target target = targets.get(i);
        Audited audited;
        if (target.waitsForPairing()) {
          List<Integer> pairable = mayPairWith(i);
          for (int j : pairable) {
            start(j, pool);
          }
          for (int j : pairable) {
            noted(auditedAhead.get(j));
          }
          if (target.auditedWith(architecturesUsed)) {
            Future<Audited> unused = auditedAhead.remove(i);
            if (unused != null) {
              unused.cancel(true);
            }
            continue;
          }
          start(i, pool);
          audited = noted(auditedAhead.remove(i));
        } else {
          start(i, pool);
          audited = noted(auditedAhead.remove(i));
        }
        sink.accept(audited);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Starts auditing target {@code i} unless it was started already; on this thread without pool.
   */
  private void start(int i, ExecutorService pool) {
    auditedAhead.computeIfAbsent(
        i,
        k ->
            pool == null
                ? CompletableFuture.completedFuture(audit.apply(targets.get(k)))
                : pool.submit(() -> audit.apply(targets.get(k))));
  }

  /** The report, once known; the architecture it was read with counts as used from now on. */
  private Audited noted(Future<Audited> pending) {
    Audited audited;
    try {
      audited = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an audit", e);
    } catch (ExecutionException e) {
      // the audit function never throws; anything else is a bug here
      throw new IllegalStateException(e.getCause());
    }
    String architecture = audited.report().architecture();
    if (architecture != null) {
      architecturesUsed.add(ModelFiles.key(Path.of(architecture)));
    }
    return audited;
  }

  private static ExecutorService newPool(int workers) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        workers,
        r -> {
          Thread t = new Thread(r, "model-audit-batch-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** The later targets, not yet audited, that could be audited with architecture JSON {@code i}. */
  private List<Integer> mayPairWith(int i) {
    Path json = ModelFiles.key(targets.get(i).file());
    List<Integer> out = new ArrayList<>();
    if (json.equals(givenArchitecture)) {
      for (int j = i + 1; j < targets.size(); j++) {
        if (!targets.get(j).waitsForPairing()) {
          out.add(j);
        }
      }
      return out;
    }
    Path folder = json.getParent();
    boolean byContent =
        folder != null
            && searchedByContent.computeIfAbsent(folder, ArchitectureSiblings::searchedByContent);
    for (int j : pairableByFolder.getOrDefault(folder, List.of())) {
      if (j > i && (byContent || namesPoint(targets.get(j).file(), json))) {
        out.add(j);
      }
    }
    return out;
  }

  private static boolean namesPoint(Path weights, Path json) {
    return ArchitectureSiblings.candidates(weights).stream()
        .anyMatch(c -> ModelFiles.key(c).equals(json));
  }

  private static Path folder(ModelFiles.Target t) {
    return ModelFiles.key(t.file()).getParent();
  }
}
