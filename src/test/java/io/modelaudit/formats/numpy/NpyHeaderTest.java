package io.modelaudit.formats.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** .npy headers as numpy writes them (versions 1 to 3) and as they must not be. */
class NpyHeaderTest {

  private static byte[] npy(int major, String header, byte... data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < (major == 1 ? 2 : 4); i++) {
      out.write((h.length >> (8 * i)) & 0xff);
    }
    out.writeBytes(h);
    out.writeBytes(data);
    return out.toByteArray();
  }

  @Test
  void readsEachVersionAndStopsAtTheData() throws Exception {
    InputStream in =
        new ByteArrayInputStream(
            npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }   \n", (byte) 42));
    assertEquals(new NpyHeader("<f4", false, Shape.ofKnown(3, 4)), NpyHeader.read(in, "x.npy"));
    assertEquals(42, in.read());
    assertEquals(
        new NpyHeader("|O", true, Shape.ofKnown()),
        NpyHeader.read(
            new ByteArrayInputStream(
                npy(2, "{'descr': '|O', 'fortran_order': True, 'shape': ()}\n")),
            "x.npy"));
    assertEquals(
        new NpyHeader("<i8", false, Shape.ofKnown(7)),
        NpyHeader.read(
            new ByteArrayInputStream(
                npy(3, "{'shape': (7,), 'fortran_order': False, 'descr': '<i8'}\n")),
            "x.npy"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | {'descr': '<f4', 'fortran_order': False}                                | without descr, fortran_order and shape",
        "1 | {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), 'x': 1}       | not numpy's dict literal",
        "1 | {'descr': '<f4', 'fortran_order': False, 'shape': (3 4)}                | not numpy's dict literal",
        "1 | {'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': ()}   | names descr twice",
        "1 | __import__('os')                                                        | not a dict literal",
        "1 | {'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4)} | impossible shape",
        "4 | {}                                                                      | format version 4.0",
      })
  void refusesWhatNumpyDoesNotWrite(int major, String header, String message) {
    ModelFileException e =
        assertThrows(
            ModelFileException.class,
            () ->
                NpyHeader.read(
                    new ByteArrayInputStream(npy(major, header.strip() + "\n")), "x.npy"));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void refusesBadMagicTruncationAndHugeHeaders() {
    byte[] good = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,)}\n");
    byte[] bad = good.clone();
    bad[1] = 'X';
    assertThrows(
        ModelFileException.class, () -> NpyHeader.read(new ByteArrayInputStream(bad), "x.npy"));
    byte[] cut = java.util.Arrays.copyOf(good, 20);
    ModelFileException e =
        assertThrows(
            ModelFileException.class, () -> NpyHeader.read(new ByteArrayInputStream(cut), "x.npy"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    byte[] huge = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0, 0, 0, 0x7f};
    e =
        assertThrows(
            ModelFileException.class,
            () -> NpyHeader.read(new ByteArrayInputStream(huge), "x.npy"));
    assertTrue(e.getMessage().contains("at most"), e.getMessage());
  }
}
