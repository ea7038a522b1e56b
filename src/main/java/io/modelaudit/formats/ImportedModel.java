package io.modelaudit.formats;

import io.modelaudit.ir.ModelGraph;

/**
 * What an importer read from a file: the graph as configured and the file's own facts. Every
 * importer returns one; an importer records facts only and never infers a shape.
 *
 * @param format the report's {@code format} value (keras-h5, keras-v3, dl4j-zip, …)
 * @param stored what the file records about its weights, or null when it records nothing (a Keras
 *     architecture JSON)
 * @param architecture the separate file the architecture was read from, or null when the model file
 *     holds its own
 */
public record ImportedModel(
    String format,
    String framework,
    String frameworkVersion,
    String backend,
    ModelGraph graph,
    StoredFacts stored,
    String architecture) {

  public ImportedModel(
      String format,
      String framework,
      String frameworkVersion,
      String backend,
      ModelGraph graph,
      StoredFacts stored) {
    this(format, framework, frameworkVersion, backend, graph, stored, null);
  }
}
