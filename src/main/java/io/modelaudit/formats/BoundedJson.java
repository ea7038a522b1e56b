package io.modelaudit.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/** JSON parsing with bounds for untrusted files; real model configurations are far below them. */
public final class BoundedJson {
  /** The largest JSON document read: the biggest real architectures are a few MB. */
  public static final long MAX_DOCUMENT_BYTES = 256L << 20;

  public static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(1000)
                      .maxDocumentLength(MAX_DOCUMENT_BYTES)
                      .maxStringLength(64 << 20)
                      .maxNumberLength(100)
                      .build())
              .build());

  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");

  private BoundedJson() {}

  /**
   * Parses a document, unwrapping one that was encoded as a JSON string once or twice ({@code
   * json.dumps(model.to_json())}).
   *
   * @param what names the document in error messages, e.g. "model_config"
   */
  public static JsonNode parseObject(String text, String what) {
    try {
      return unwrap(MAPPER.readTree(text), what);
    } catch (JsonProcessingException e) {
      throw new ModelFileException("corrupt", what + " is not valid JSON: " + reason(e), e);
    }
  }

  /** Jackson's message without the source description it embeds in locations. */
  private static String reason(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    if (m.contains("getMaxNestingDepth")) {
      return "nested deeper than 1000 levels";
    }
    return SOURCE.matcher(m).replaceAll("[");
  }

  /** Like {@link #parseObject(String, String)}, from a stream (which is not closed). */
  public static JsonNode parseObject(InputStream in, String what) throws IOException {
    try {
      return unwrap(MAPPER.readTree(in), what);
    } catch (JsonProcessingException e) {
      throw new ModelFileException("corrupt", what + " is not valid JSON: " + reason(e), e);
    }
  }

  private static JsonNode unwrap(JsonNode node, String what) throws JsonProcessingException {
    for (int i = 0; i < 2 && node != null && node.isTextual(); i++) {
      String inner = node.asText().strip();
      if (!inner.startsWith("{") && !inner.startsWith("\"")) {
        throw new ModelFileException(
            "corrupt", what + " is a JSON string, not a model configuration");
      }
      node = MAPPER.readTree(inner);
    }
    if (node == null || !node.isObject()) {
      throw new ModelFileException("corrupt", what + " is not a JSON object");
    }
    return node;
  }
}
