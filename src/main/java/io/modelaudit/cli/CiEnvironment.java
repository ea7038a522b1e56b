package io.modelaudit.cli;

import java.util.Map;

/**
 * The environment variables the run looks at, given to the command instead of read from {@code
 * System.getenv()} where they are used, so that tests can set them.
 */
record CiEnvironment(Map<String, String> variables) {
  CiEnvironment {
    variables = Map.copyOf(variables);
  }

  static CiEnvironment none() {
    return new CiEnvironment(Map.of());
  }

  /** On a GitHub Actions runner, which sets {@code GITHUB_ACTIONS=true} for every step. */
  boolean githubActions() {
    return "true".equals(variables.get("GITHUB_ACTIONS"));
  }
}
