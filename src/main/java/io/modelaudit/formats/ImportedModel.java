package io.modelaudit.formats;

import io.modelaudit.ir.ModelGraph;
import io.modelaudit.reference.StoredWeights;

/**
 * What an importer read from a file: the graph as configured and the file's own facts.
 *
 * @param stored the stored weight shapes, or null when the file stores none (architecture only)
 */
public record ImportedModel(String format, String framework, String frameworkVersion, String backend,
    ModelGraph graph, StoredWeights stored) {}
