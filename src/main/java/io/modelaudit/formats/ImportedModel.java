package io.modelaudit.formats;

import io.modelaudit.ir.ModelGraph;
import io.modelaudit.reference.StoredWeights;

/**
 * What an importer read from a file: the graph as configured and the file's own facts.
 *
 * @param stored the stored weight shapes, or null when the file stores none (architecture only)
 * @param architecture the separate file the architecture was read from, or null when the model
 *     file holds its own
 */
public record ImportedModel(String format, String framework, String frameworkVersion, String backend,
    ModelGraph graph, StoredWeights stored, String architecture) {

  public ImportedModel(String format, String framework, String frameworkVersion, String backend, ModelGraph graph,
      StoredWeights stored) {
    this(format, framework, frameworkVersion, backend, graph, stored, null);
  }
}
