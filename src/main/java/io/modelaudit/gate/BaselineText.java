package io.modelaudit.gate;

import io.modelaudit.report.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What check prints for people: a few lines under each model, and a summary at the end. */
public final class BaselineText {
  private BaselineText() {}

  public static List<String> model(BaselineVerdict v, boolean failRetrained) {
    List<String> out = new ArrayList<>();
    switch (v.status()) {
      case UNCHANGED:
        out.add("Baseline: unchanged");
        break;
      case RETRAINED:
        out.add(
            "Baseline: retrained: the file's bytes changed, its audit did not"
                + (failRetrained ? " (fails: --fail-on-retrained)" : " (passes)"));
        out.addAll(DiffText.lines(v.diff(), "  "));
        break;
      case DRIFTED:
        out.add(
            "Baseline: drifted from the lock"
                + (v.current().sha256() != null && v.current().sha256().equals(v.locked().sha256())
                    ? " (the same bytes, read differently by this model-audit: record it again)"
                    : "")
                + ":");
        out.addAll(DiffText.lines(v.diff(), "  "));
        break;
      default:
        out.add("Baseline: new: not in the lock");
    }
    for (Limits.Breach b : v.breaches()) {
      out.add(
          String.format(
              Locale.ROOT,
              "Baseline: over the limit %s: %,d, more than %,d",
              b.limit(),
              b.actual(),
              b.max()));
    }
    return out;
  }

  public static List<String> summary(BaselineCheck check, String lockName) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "Baseline %s: %d unchanged, %d retrained, %d drifted, %d new, %d gone, %d over a limit",
            TerminalText.escape(lockName),
            check.count(BaselineVerdict.Status.UNCHANGED),
            check.count(BaselineVerdict.Status.RETRAINED),
            check.count(BaselineVerdict.Status.DRIFTED),
            check.count(BaselineVerdict.Status.NEW),
            check.gone().size(),
            check.overLimit()));
    for (ModelSnapshot m : check.gone()) {
      out.add("  gone: " + TerminalText.escape(m.path()) + " (in the lock, not found)");
    }
    return out;
  }
}
