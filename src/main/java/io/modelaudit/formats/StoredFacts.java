package io.modelaudit.formats;

/**
 * What a file itself records about its weights, as its importer read it: the stored reference sets
 * our numbers beside these. Keras files record one tensor shape per weight ({@link StoredWeights});
 * Deeplearning4j files record one flat parameter vector and the parameter names of each layer.
 */
public interface StoredFacts {

  /** How many values the file stores in all, or null when it stores none. */
  Long storedTotal();
}
