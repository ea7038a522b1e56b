package io.modelaudit.formats.dl4j;

import io.modelaudit.formats.StoredFacts;
import java.util.List;
import java.util.Map;

/**
 * What a Deeplearning4j file records about its parameters: one flat vector ({@code
 * coefficients.bin}) without boundaries between layers, and per layer the parameter names DL4J
 * recorded.
 *
 * @param variables per layer name, the recorded parameter names (empty lists: not recorded)
 * @param order layer names in the order DL4J flattens their parameters into the vector
 * @param vectorLength the stored vector's length, or null when the file stores none (a
 *     configuration JSON, or an archive without coefficients)
 */
public record Dl4jParameters(
    Map<String, List<String>> variables, List<String> order, Long vectorLength)
    implements StoredFacts {

  @Override
  public Long storedTotal() {
    return vectorLength;
  }
}
