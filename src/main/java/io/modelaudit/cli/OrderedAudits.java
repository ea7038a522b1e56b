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
 */
final class OrderedAudits {
  /** One audited target: its report, and the exception when the report stands for a bug of ours. */
  record Audited(ModelReport report, Throwable internal) {}

  private final List<ModelFiles.Target> targets;
  private final Path givenArchitecture;
  private final Function<ModelFiles.Target, Audited> audit;
  private final Map<Integer, Audited> auditedAhead = new HashMap<>();
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
    for (int i = 0; i < targets.size(); i++) {
      ModelFiles.Target target = targets.get(i);
      Audited audited;
      if (target.waitsForPairing()) {
        for (int j : mayPairWith(i)) {
          auditedAhead.computeIfAbsent(j, this::auditNoting);
        }
        if (target.auditedWith(architecturesUsed)) {
          continue;
        }
        audited = auditNoting(i);
      } else {
        audited = auditedAhead.remove(i);
        if (audited == null) {
          audited = auditNoting(i);
        }
      }
      sink.accept(audited);
    }
  }

  private Audited auditNoting(int i) {
    Audited audited = audit.apply(targets.get(i));
    String architecture = audited.report().architecture();
    if (architecture != null) {
      architecturesUsed.add(ModelFiles.key(Path.of(architecture)));
    }
    return audited;
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
