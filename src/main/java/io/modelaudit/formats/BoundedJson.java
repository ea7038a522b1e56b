package io.modelaudit.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** JSON parsing with bounds for untrusted files; real model configurations are far below them. */
public final class BoundedJson {
  /** The largest JSON document read: the biggest real architectures are a few MB. */
  public static final long MAX_DOCUMENT_BYTES = 256L << 20;

  /**
   * Also reads NaN, Infinity and -Infinity, which Python's {@code json.dumps} writes for float
   * values (a Keras configuration may hold them). Documents are read into trees by {@link
   * JsonTrees}, without an {@code ObjectMapper} (which costs more to build than to use here).
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(1000)
                  .maxDocumentLength(MAX_DOCUMENT_BYTES)
                  .maxStringLength(64 << 20)
                  .maxNumberLength(100)
                  .build())
          .build();

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
      return unwrap(readTree(text), what);
    } catch (JsonProcessingException e) {
      throw new ModelFileException("corrupt", what + " is not valid JSON: " + reason(e), e);
    } catch (IOException e) {
      // Reading a string fails only on its content, which is the case above.
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The text of JSON bytes, in the encoding they are in, as Python's {@code json.loads} and Jackson
   * detect it: a byte order mark (UTF-8, UTF-16 or UTF-32, dropped), else the pattern of zero bytes
   * the first character leaves in UTF-16 or UTF-32, else UTF-8. Malformed sequences become U+FFFD.
   */
  public static String decode(byte[] bytes) {
    int n = bytes.length;
    int b0 = n > 0 ? bytes[0] & 0xff : -1;
    int b1 = n > 1 ? bytes[1] & 0xff : -1;
    int b2 = n > 2 ? bytes[2] & 0xff : -1;
    int b3 = n > 3 ? bytes[3] & 0xff : -1;
    if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
      return text(bytes, 3, StandardCharsets.UTF_8);
    }
    if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) {
      return text(bytes, 4, Charset.forName("UTF-32BE"));
    }
    if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) {
      return text(bytes, 4, Charset.forName("UTF-32LE"));
    }
    if (b0 == 0xfe && b1 == 0xff) {
      return text(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (b0 == 0xff && b1 == 0xfe) {
      return text(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
      return text(bytes, 0, Charset.forName("UTF-32BE"));
    }
    if (n >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
      return text(bytes, 0, Charset.forName("UTF-32LE"));
    }
    if (n >= 2 && b0 == 0 && b1 != 0) {
      return text(bytes, 0, StandardCharsets.UTF_16BE);
    }
    if (n >= 2 && b0 != 0 && b1 == 0) {
      return text(bytes, 0, StandardCharsets.UTF_16LE);
    }
    return text(bytes, 0, StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes, int start, Charset charset) {
    return new String(bytes, start, bytes.length - start, charset);
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
      JsonNode node;
      try (JsonParser p = FACTORY.createParser(in)) {
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        node = JsonTrees.read(p);
      }
      return unwrap(node, what);
    } catch (JsonProcessingException e) {
      throw new ModelFileException("corrupt", what + " is not valid JSON: " + reason(e), e);
    }
  }

  private static JsonNode readTree(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return JsonTrees.read(p);
    }
  }

  private static JsonNode unwrap(JsonNode node, String what) throws IOException {
    for (int i = 0; i < 2 && node != null && node.isTextual(); i++) {
      String inner = node.asText().strip();
      if (!inner.startsWith("{") && !inner.startsWith("\"")) {
        throw new ModelFileException(
            "corrupt", what + " is a JSON string, not a model configuration");
      }
      node = readTree(inner);
    }
    if (node == null || !node.isObject()) {
      throw new ModelFileException("corrupt", what + " is not a JSON object");
    }
    return node;
  }
}
