package io.modelaudit.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.modelaudit.formats.BoundedJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Sniffs a file's format from its content, never from its extension: magic bytes, then zip entry
 * names or the top-level keys of a JSON document.
 */
public final class FormatDetector {
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

  /**
   * HDF5 allows a user block before the superblock: the signature sits at 0, 512, 1024, 2048, ….
   */
  private static final int[] HDF5_OFFSETS = {0, 512, 1024, 2048, 4096};

  private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final byte[] UTF16BE_BOM = {(byte) 0xfe, (byte) 0xff};
  private static final byte[] UTF16LE_BOM = {(byte) 0xff, (byte) 0xfe}; // also starts UTF-32LE's
  private static final byte[] UTF32BE_BOM = {0, 0, (byte) 0xfe, (byte) 0xff};

  /** The first line of every Git LFS pointer file (the LFS specification requires it first). */
  private static final String LFS_POINTER_START = "version https://git-lfs.github.com/spec/v1";

  private FormatDetector() {}

  public static ModelFormat detect(Path file) throws IOException {
    return Dl4jSniffer.refine(file, sniff(file));
  }

  /** An ND4J array's description (shape and type), for the "not a model" message. */
  public static String describeArray(Path file) throws IOException {
    io.modelaudit.formats.dl4j.NdArrayHeader h = Dl4jSniffer.arrayHeader(file);
    return h.dataType() + " array of shape " + h.shape();
  }

  private static ModelFormat sniff(Path file) throws IOException {
    byte[] head = new byte[HDF5_OFFSETS[HDF5_OFFSETS.length - 1] + HDF5_SIGNATURE.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    int hdf5At = -1;
    for (int offset : HDF5_OFFSETS) {
      if (n >= offset + HDF5_SIGNATURE.length && startsWith(head, offset, HDF5_SIGNATURE)) {
        hdf5At = offset;
        break;
      }
    }
    boolean zipStart = n >= ZIP_SIGNATURE.length && startsWith(head, 0, ZIP_SIGNATURE);
    if (zipStart) {
      return zipKind(file); // an HDF5 signature further in is a stored entry's (model.weights.h5)
    }
    if (hdf5At >= 0) {
      // Keras reads a file as a zip when it is named .keras and Python's zipfile finds a zip
      // directory at its end, as HDF5 when named .h5: a file that is both could hide one model
      // behind the other.
      return ZipEnd.isPresent(file) ? ModelFormat.AMBIGUOUS : ModelFormat.HDF5;
    }
    String text = headText(head, n);
    if (text.startsWith(LFS_POINTER_START)) {
      return ModelFormat.LFS_POINTER;
    }
    for (int i = 0; i < text.length(); i++) {
      char b = text.charAt(i);
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      if (b == '"') {
        return encodedConfiguration(file) ? ModelFormat.KERAS_JSON : ModelFormat.UNKNOWN;
      }
      if (b == '{') {
        return jsonKind(file);
      }
      if (b == '[') {
        return ModelFormat.JSON;
      }
      if (b == 'n' || b == 't' || b == 'f' || b == '-' || (b >= '0' && b <= '9')) {
        return scalarKind(file);
      }
      break;
    }
    if (n == 0) {
      return ModelFormat.EMPTY;
    }
    // Data before the first entry (as in self-extracting archives): Python's zipfile, so Keras,
    // still reads it.
    return ZipEnd.isPresent(file) ? zipKind(file) : ModelFormat.UNKNOWN;
  }

  /**
   * The first bytes as text: decoded when a byte order mark says UTF-16 or UTF-32 (which Python's
   * json.loads and Jackson read), else byte by byte after any UTF-8 byte order mark.
   */
  private static String headText(byte[] head, int n) {
    if (n >= 2 && (startsWith(head, 0, UTF16BE_BOM) || startsWith(head, 0, UTF16LE_BOM))
        || n >= 4 && startsWith(head, 0, UTF32BE_BOM)) {
      return BoundedJson.decode(Arrays.copyOf(head, n));
    }
    int start = n >= UTF8_BOM.length && startsWith(head, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
    return new String(head, start, n - start, StandardCharsets.ISO_8859_1);
  }

  private static ModelFormat zipKind(Path file) {
    Set<String> names = new HashSet<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      zip.stream().limit(100_000).forEach(e -> names.add(e.getName()));
    } catch (IOException | RuntimeException e) {
      // No readable central directory (cut short, damaged): the local headers at the start still
      // name the first entries; the importer then reports the damage.
      names.addAll(LocalZipHeaders.firstNames(file));
    }
    if (names.contains("config.json")
        && (names.contains("model.weights.h5")
            || names.contains("model.weights.npz")
            || names.contains("metadata.json"))) {
      return ModelFormat.KERAS_V3;
    }
    if (names.contains("configuration.json")) {
      return ModelFormat.DL4J_ZIP;
    }
    return ModelFormat.ZIP;
  }

  /** JSON when the whole file is one JSON scalar ({@code null}, a number, …), else not JSON. */
  private static ModelFormat scalarKind(Path file) {
    try (JsonParser p = BoundedJson.FACTORY.createParser(file.toFile())) {
      JsonToken t = p.nextToken();
      return t != null && t.isScalarValue() && p.nextToken() == null
          ? ModelFormat.JSON
          : ModelFormat.UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return ModelFormat.UNKNOWN;
    }
  }

  /**
   * A configuration encoded twice ({@code json.dumps(model.to_json())}): the whole file is one JSON
   * string whose text is an object. A CSV header or a Python docstring also starts with a quote.
   */
  private static boolean encodedConfiguration(Path file) {
    try (JsonParser p = BoundedJson.FACTORY.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        return false;
      }
      String text = p.getText().stripLeading();
      return text.startsWith("{") && p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Classifies a JSON object by its top-level keys, reading the document as a stream. */
  private static ModelFormat jsonKind(Path file) throws IOException {
    Set<String> keys = new HashSet<>();
    try (JsonParser p = BoundedJson.FACTORY.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return ModelFormat.JSON;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    } catch (IOException | RuntimeException e) {
      // Damaged or cut short: decide on the keys read so far; the importer reports the damage.
    }
    if (keys.contains("modelTopology") || keys.contains("weightsManifest")) {
      return ModelFormat.TFJS_LAYERS;
    }
    if (keys.contains("confs") || keys.contains("vertices")) {
      return ModelFormat.DL4J_JSON;
    }
    if (keys.contains("class_name") && keys.contains("config") || keys.contains("model_config")) {
      return ModelFormat.KERAS_JSON;
    }
    return ModelFormat.JSON;
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
