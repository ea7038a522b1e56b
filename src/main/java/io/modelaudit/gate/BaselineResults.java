package io.modelaudit.gate;

import io.modelaudit.report.AddedResults.AddedResult;
import io.modelaudit.report.AddedResults.AddedRule;
import io.modelaudit.report.AddedResults.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code check} found against the lock, as results for SARIF, JUnit and GitHub annotations:
 * one result per verdict (passing ones too, which only JUnit shows) and per limit exceeded.
 */
public final class BaselineResults {
  public static final String DRIFT = "BASELINE_DRIFT";
  public static final String NEW = "BASELINE_NEW";
  public static final String GONE = "BASELINE_GONE";
  public static final String RETRAINED = "BASELINE_RETRAINED";
  public static final String UNCHANGED = "BASELINE_UNCHANGED";
  public static final String LIMIT = "BASELINE_LIMIT";

  public static final List<AddedRule> RULES =
      List.of(
          new AddedRule(
              DRIFT,
              "the model's audit differs from its entry in the lock file",
              "The model's layers, shapes, counts or configuration values differ from those"
                  + " recorded by 'model-audit baseline'. The message lists every change, layer"
                  + " by layer. If the change is intended, record the lock again with"
                  + " 'model-audit baseline' and commit it with the model."),
          new AddedRule(
              NEW,
              "the model is not in the lock file",
              "A model file was found that 'model-audit baseline' did not record. Add it to the"
                  + " lock by recording the lock again, or exclude it with --exclude."),
          new AddedRule(
              GONE,
              "a model of the lock file was not found",
              "The lock records a model within the paths checked, but no such file exists any"
                  + " more. If it was removed on purpose, record the lock again."),
          new AddedRule(
              RETRAINED,
              "the file's bytes changed, its audit did not",
              "The model file is not the one the lock recorded (another content hash) but its"
                  + " audit is identical, as when weights are retrained. This passes unless"
                  + " check runs with --fail-on-retrained."),
          new AddedRule(
              UNCHANGED,
              "the model is as the lock file records it",
              "The model file has the content hash the lock recorded."),
          new AddedRule(
              LIMIT,
              "the model exceeds a limit",
              "A limit set on the command line (--max-params, --max-file-bytes) or in the lock"
                  + " file is exceeded. Shrink the model or raise the limit."));

  private BaselineResults() {}

  /**
   * The results for one model.
   *
   * @param path the model's path as the report names it
   */
  public static List<AddedResult> model(
      BaselineVerdict v, String path, boolean failRetrained, String lockName) {
    List<AddedResult> out = new ArrayList<>();
    switch (v.status()) {
      case DRIFTED -> {
        List<String> diff = DiffText.lines(v.diff(), "");
        out.add(
            new AddedResult(
                DRIFT,
                Level.FAIL,
                path,
                "drifted from " + lockName + ": " + String.join("; ", diff),
                diff));
      }
      case NEW -> out.add(new AddedResult(NEW, Level.FAIL, path, "not in " + lockName, List.of()));
      case RETRAINED ->
          out.add(
              new AddedResult(
                  RETRAINED,
                  failRetrained ? Level.FAIL : Level.NOTE,
                  path,
                  failRetrained
                      ? "the file's bytes changed, its audit did not (--fail-on-retrained)"
                      : "the file's bytes changed, its audit did not (passes)",
                  List.of()));
      case UNCHANGED ->
          out.add(new AddedResult(UNCHANGED, Level.PASS, path, "as in " + lockName, List.of()));
    }
    for (Limits.Breach b : v.breaches()) {
      out.add(
          new AddedResult(
              LIMIT,
              Level.FAIL,
              path,
              String.format(Locale.ROOT, "%s: %,d, more than %,d", b.limit(), b.actual(), b.max()),
              List.of()));
    }
    return out;
  }

  public static AddedResult gone(ModelSnapshot m, String lockName) {
    return new AddedResult(GONE, Level.FAIL, m.path(), "in " + lockName + ", not found", List.of());
  }
}
