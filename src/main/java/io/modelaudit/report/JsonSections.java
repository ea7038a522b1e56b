package io.modelaudit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a command adds to the JSON report (check adds {@code baseline}): keys after each model's own
 * and top-level keys after {@code summary}. Keys are only ever added (schema_version 1).
 */
public interface JsonSections {
  JsonSections NONE = new JsonSections() {};

  /** Adds keys to the object of model {@code m}, after the report's own. */
  default void model(ModelReport m, ObjectNode model) {}

  /** Adds top-level keys after {@code summary}. */
  default void end(ObjectNode root) {}
}
