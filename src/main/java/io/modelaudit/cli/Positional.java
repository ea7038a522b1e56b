package io.modelaudit.cli;

/**
 * The arguments that are not options, e.g. {@code PATH...}: at least {@code min} of them, at most
 * {@code max} (one declaration each for {@code OLD} and {@code NEW}, in order). Values are paths.
 */
record Positional(String label, int min, int max, String description) {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** How help and synopsis show it: {@code PATH...} when it takes more than one. */
  String shown() {
    return max > 1 ? label + "..." : label;
  }
}
