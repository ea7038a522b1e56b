package io.modelaudit.reference;

import io.modelaudit.formats.ImportedModel;
import io.modelaudit.infer.InferredGraph;
import java.nio.file.Path;

/**
 * What a reference compares: the file, what its importer read, what we inferred from it, and, once
 * the stored reference has answered, our rows beside the file's own numbers.
 *
 * @param ours the rows and totals, or null before the stored reference has answered
 */
public record Subject(Path file, ImportedModel model, InferredGraph inferred, LayerTable ours) {

  public Subject withOurs(LayerTable table) {
    return new Subject(file, model, inferred, table);
  }
}
