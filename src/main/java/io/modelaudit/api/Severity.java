package io.modelaudit.api;

/** How serious a finding is, least serious first; a run fails on {@link #ERROR} by default. */
public enum Severity {
  INFO,
  WARNING,
  ERROR
}
