package io.modelaudit.suppress;

import io.modelaudit.compare.Finding;
import io.modelaudit.report.ModelReport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries of one suppression file, applied to the reports of a run. A suppressed finding stays
 * in the report, marked with the entry's reason; entries that matched nothing by the end of the run
 * are stale.
 */
public final class Suppressions {
  private final Path file;
  private final List<SuppressionEntry> entries;
  private final boolean[] used;

  Suppressions(Path file, List<SuppressionEntry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
    this.used = new boolean[entries.size()];
  }

  /** No suppression file. */
  public static Suppressions none() {
    return new Suppressions(null, List.of());
  }

  /** The report with every finding an entry covers marked suppressed (the first entry's reason). */
  public ModelReport apply(ModelReport m) {
    if (entries.isEmpty() || m.findings().isEmpty()) {
      return m;
    }
    List<Path> paths = modelPaths(m.path());
    List<Finding> findings = new ArrayList<>();
    boolean changed = false;
    for (Finding f : m.findings()) {
      Finding shown = f;
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).covers(f, paths)) {
          used[i] = true;
          if (shown == f) {
            shown = f.suppressed(entries.get(i).reason());
          }
        }
      }
      changed |= shown != f;
      findings.add(shown);
    }
    return changed ? m.withFindings(findings) : m;
  }

  /** One note for each entry that has matched no finding so far. */
  public List<String> staleNotes() {
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!used[i]) {
        notes.add(
            file
                + ": "
                + entries.get(i).describe()
                + " matched no finding: a stale suppression, remove it");
      }
    }
    return notes;
  }

  /**
   * The ways a path glob may name the model: its path as the report shows it, without a leading
   * {@code ./}, and relative to the suppression file's folder.
   */
  private List<Path> modelPaths(String shown) {
    Set<Path> paths = new LinkedHashSet<>();
    try {
      Path p = Path.of(shown);
      paths.add(p);
      paths.add(p.normalize());
      Path base = file.toAbsolutePath().normalize().getParent();
      Path absolute = p.toAbsolutePath().normalize();
      if (base != null && absolute.startsWith(base)) {
        paths.add(base.relativize(absolute));
      }
    } catch (InvalidPathException e) {
      // a shown path no path can hold: no glob matches it
    }
    paths.removeIf(p -> p.toString().isEmpty());
    return new ArrayList<>(paths);
  }
}
