package io.modelaudit.gate;

import io.modelaudit.report.GithubAnnotations;
import java.util.ArrayList;
import java.util.List;

/** GitHub workflow annotations for what fails a check: one {@code ::error} line per model. */
public final class BaselineAnnotations {
  private BaselineAnnotations() {}

  /** The annotations for one model: none when it passes. */
  public static List<String> model(BaselineVerdict v, boolean failRetrained, String lockName) {
    List<String> out = new ArrayList<>();
    String file = v.current().path();
    switch (v.status()) {
      case DRIFTED:
        out.add(
            GithubAnnotations.command(
                "error",
                file,
                "BASELINE_DRIFT",
                "drifted from "
                    + lockName
                    + ": "
                    + String.join("; ", DiffText.lines(v.diff(), ""))));
        break;
      case NEW:
        out.add(GithubAnnotations.command("error", file, "BASELINE_NEW", "not in " + lockName));
        break;
      case RETRAINED:
        if (failRetrained) {
          out.add(
              GithubAnnotations.command(
                  "error",
                  file,
                  "BASELINE_RETRAINED",
                  "the file's bytes changed, its audit did not (--fail-on-retrained)"));
        }
        break;
      default:
        break;
    }
    for (Limits.Breach b : v.breaches()) {
      out.add(
          GithubAnnotations.command(
              "error",
              file,
              "BASELINE_LIMIT",
              b.limit() + ": " + b.actual() + ", more than " + b.max()));
    }
    return out;
  }

  public static String gone(ModelSnapshot m, String lockName) {
    return GithubAnnotations.command(
        "error", m.path(), "BASELINE_GONE", "in " + lockName + ", not found");
  }
}
