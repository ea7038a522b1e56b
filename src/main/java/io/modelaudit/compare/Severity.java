package io.modelaudit.compare;

import java.util.Locale;

/** How serious a finding is; {@code --fail-on} compares against this order. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
