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
 * @param dtype the vector's element type in numpy's names ({@code float32} for ND4J's FLOAT), or
 *     null when unknown (compressed, or no vector)
 * @param itemBytes bytes per element as stored, or 0 when unknown
 */
public record Dl4jParameters(
    Map<String, List<String>> variables,
    List<String> order,
    Long vectorLength,
    String dtype,
    int itemBytes)
    implements StoredFacts {

  /** ND4J's data type names and numpy's, for the summary's dtype column. */
  private static final Map<String, String> NUMPY_NAMES =
      Map.ofEntries(
          Map.entry("FLOAT", "float32"),
          Map.entry("DOUBLE", "float64"),
          Map.entry("HALF", "float16"),
          Map.entry("BFLOAT16", "bfloat16"),
          Map.entry("INT", "int32"),
          Map.entry("LONG", "int64"),
          Map.entry("SHORT", "int16"),
          Map.entry("BYTE", "int8"),
          Map.entry("UBYTE", "uint8"),
          Map.entry("UINT16", "uint16"),
          Map.entry("UINT32", "uint32"),
          Map.entry("UINT64", "uint64"),
          Map.entry("BOOL", "bool"));

  /** numpy's name for an ND4J data type, or null for COMPRESSED and unknown ones. */
  public static String numpyName(String nd4jType) {
    return nd4jType == null ? null : NUMPY_NAMES.get(nd4jType);
  }

  @Override
  public Long storedTotal() {
    return vectorLength;
  }
}
