package io.modelaudit.formats.numpy;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.Shape;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} array: {@code \x93NUMPY}, version 1.0, 2.0 or 3.0, a little-endian
 * header length (2 bytes in version 1, 4 after) and a Python dict literal such as {@code {'descr':
 * '<f4', 'fortran_order': False, 'shape': (3, 4), }}. Read with a small grammar for exactly that
 * literal, never evaluated. The stream is left at the first byte of the data.
 *
 * @param descr the dtype string ({@code |O} for an array of pickled objects)
 */
public record NpyHeader(String descr, boolean fortranOrder, Shape shape) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** numpy itself refuses headers over 10,000 bytes unless told otherwise. */
  static final int MAX_HEADER_BYTES = 1 << 16;

  private static final Pattern ENTRY =
      Pattern.compile(
          "\\s*'(descr|fortran_order|shape)'\\s*:\\s*('(?:[^'\\\\]{0,64})'|True|False|\\(\\s*(?:\\d{1,19}\\s*,\\s*){0,32}(?:\\d{1,19}\\s*)?\\))\\s*(,|(?=}))");
  private static final Pattern DIM = Pattern.compile("\\d{1,19}");

  public static NpyHeader read(InputStream in, String where) {
    try {
      byte[] start = readFully(in, 8);
      if (!Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
        throw corrupt(where, "is not a .npy array (no \\x93NUMPY magic)");
      }
      int major = start[6] & 0xff;
      if (major < 1 || major > 3 || start[7] != 0) {
        throw corrupt(
            where,
            "has .npy format version "
                + major
                + "."
                + (start[7] & 0xff)
                + " (known: 1.0, 2.0, 3.0)");
      }
      byte[] lenBytes = readFully(in, major == 1 ? 2 : 4);
      long length = 0;
      for (int i = lenBytes.length - 1; i >= 0; i--) {
        length = (length << 8) | (lenBytes[i] & 0xff);
      }
      if (length > MAX_HEADER_BYTES) {
        throw corrupt(
            where, "has a .npy header of " + length + " bytes (at most " + MAX_HEADER_BYTES + ")");
      }
      String text =
          new String(
              readFully(in, (int) length),
              major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      return parse(text.strip(), where);
    } catch (EOFException e) {
      throw corrupt(where, "is truncated inside its .npy header");
    } catch (IOException e) {
      throw new ModelFileException(
          "corrupt", where + ": cannot read its .npy header (" + e.getMessage() + ")", e);
    }
  }

  private static NpyHeader parse(String text, String where) {
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw corrupt(where, "has a .npy header that is not a dict literal");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    Matcher m = ENTRY.matcher(text).useTransparentBounds(true);
    int pos = 1;
    while (pos < text.length() - 1) {
      m.region(pos, text.length() - 1);
      if (!m.lookingAt()) {
        if (text.substring(pos, text.length() - 1).isBlank()) {
          break;
        }
        throw corrupt(where, "has a .npy header that is not numpy's dict literal");
      }
      if (entries.put(m.group(1), m.group(2)) != null) {
        throw corrupt(where, "has a .npy header that names " + m.group(1) + " twice");
      }
      pos = m.end();
    }
    String descr = entries.get("descr");
    String fortran = entries.get("fortran_order");
    String shape = entries.get("shape");
    if (descr == null
        || !descr.startsWith("'")
        || fortran == null
        || fortran.startsWith("'")
        || fortran.startsWith("(")
        || shape == null
        || !shape.startsWith("(")) {
      throw corrupt(where, "has a .npy header without descr, fortran_order and shape");
    }
    List<Long> dims = new ArrayList<>();
    Matcher d = DIM.matcher(shape);
    while (d.find()) {
      try {
        dims.add(Long.parseLong(d.group()));
      } catch (NumberFormatException e) {
        throw corrupt(where, "declares a dimension larger than a long");
      }
    }
    Shape s = Shape.of(dims);
    try {
      s.size();
    } catch (ArithmeticException e) {
      throw corrupt(where, "declares an impossible shape " + s);
    }
    return new NpyHeader(descr.substring(1, descr.length() - 1), fortran.equals("True"), s);
  }

  private static byte[] readFully(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException();
    }
    return b;
  }

  private static ModelFileException corrupt(String where, String what) {
    return new ModelFileException("corrupt", where + " " + what);
  }
}
