package io.modelaudit.formats.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.numpy.PickleValue.Global;
import io.modelaudit.formats.numpy.PickleValue.Tuple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The opcode walker on hand-assembled pickles: what it accepts as data and what it refuses. */
class PickleMachineTest {

  private static Object read(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return read(b);
  }

  private static Object read(byte[] b) {
    return PickleMachine.read(new ByteArrayInputStream(b), "p", PickledArray.GLOBALS);
  }

  private static String refusal(int... bytes) {
    return assertThrows(ModelFileException.class, () -> read(bytes)).getMessage();
  }

  @Test
  void integersTuplesAndMemo() {
    // PROTO 4, LONG1 -1, LONG1 0x7fff, BININT2 65535, BININT -2, TUPLE via MARK, MEMOIZE, BINGET 0,
    // TUPLE2, STOP
    Object v =
        read(
            0x80, 4, '(', 0x8a, 1, 0xff, 0x8a, 2, 0xff, 0x7f, 'M', 0xff, 0xff, 'J', 0xfe, 0xff,
            0xff, 0xff, 't', 0x94, 'h', 0, 0x86, '.');
    Tuple outer = (Tuple) v;
    assertEquals(2, outer.depth());
    assertEquals(2, outer.items().size());
    assertSame(
        outer.items().get(0), outer.items().get(1), "BINGET gives the memoized tuple itself");
    assertEquals(List.of(-1L, 32767L, 65535L, -2L), ((Tuple) outer.items().get(0)).items());
  }

  @Test
  void globalsAreNamesOnly() {
    assertEquals(
        new Global("numpy", "dtype"),
        read("cnumpy\ndtype\n.".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    String m =
        assertThrows(
                ModelFileException.class,
                () ->
                    read("cposix\nsystem\n.".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
            .getMessage();
    assertTrue(m.contains("it names posix.system"), m);
  }

  @Test
  void refusals() {
    assertTrue(refusal(0x80, 4, 'h', 3, '.').contains("memo index 3 read before it was stored"));
    assertTrue(refusal(0x80, 4, 'N', 'N', '.').contains("STOP with 2 values"));
    assertTrue(refusal(0x80, 1, 'N', '.').contains("pickle protocol 1"));
    assertTrue(refusal(0x80, 4, 'N', 'N', 'a', '.').contains("APPEND on a None"));
    assertTrue(
        refusal(0x80, 4, '}', 'K', 1, 'N', 's', '.').contains("dictionary key that is a int"));
    assertTrue(refusal(0x80, 4, 'N', ')', 'R', '.').contains("REDUCE applies a None"));
    assertTrue(refusal(0x80, 4, 'N', 'b', '.').contains("BUILD on a missing value"));
    assertTrue(
        refusal(0x80, 4, 0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, '.')
            .contains("an integer of 9 bytes"));
    assertTrue(
        refusal(0x80, 4, 'X', 0xff, 0xff, 0xff, 0x7f, '.')
            .contains("a string of 2147483647 bytes"));
    String truncated =
        assertThrows(
                ModelFileException.class, () -> read(0x80, 4, 0x8e, 0, 0, 0, 0, 0, 0, 0, 0x40, '.'))
            .getMessage();
    assertTrue(truncated.contains("truncated"), truncated);
  }

  @Test
  void boundsMarksStackAndNesting() {
    ByteArrayOutputStream marks = new ByteArrayOutputStream();
    marks.write(0x80);
    marks.write(4);
    for (int i = 0; i < 65; i++) {
      marks.write('(');
    }
    String m = assertThrows(ModelFileException.class, () -> read(marks.toByteArray())).getMessage();
    assertTrue(m.contains("more than 64 open MARKs"), m);
    byte[] stack = new byte[PickleMachine.MAX_STACK + 3];
    java.util.Arrays.fill(stack, (byte) 'N');
    m = assertThrows(ModelFileException.class, () -> read(stack)).getMessage();
    assertTrue(m.contains("values on the stack"), m);
    ByteArrayOutputStream lists = new ByteArrayOutputStream();
    for (int i = 0; i < 40; i++) {
      lists.write('(');
    }
    lists.write(']');
    for (int i = 0; i < 40; i++) {
      lists.write('l');
    }
    lists.write('.');
    m = assertThrows(ModelFileException.class, () -> read(lists.toByteArray())).getMessage();
    assertTrue(m.contains("nested more than 32 deep"), m);
  }

  @Test
  void sharedTuplesStayCheap() {
    // t = (); 31 times t = (t, t) through the memo: 2^31 paths, 32 tuples.
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x80);
    b.write(4);
    b.write(')');
    for (int i = 0; i < 31; i++) {
      b.write(0x94);
      b.write('h');
      b.write(i);
      b.write(0x86);
    }
    b.write('.');
    Object v = read(b.toByteArray());
    assertEquals(32, ((Tuple) v).depth());
    assertTrue(v.hashCode() == System.identityHashCode(v) && !v.equals(read(b.toByteArray())));
  }

  @Test
  void allowlistIsExactlyTheArrayNames() {
    assertEquals(
        Set.of(
            "numpy._core.multiarray._reconstruct",
            "numpy.core.multiarray._reconstruct",
            "numpy.ndarray",
            "numpy.dtype",
            "jax._src.array._reconstruct_array",
            "ml_dtypes.bfloat16",
            "ml_dtypes.float8_e4m3fn",
            "ml_dtypes.float8_e5m2"),
        PickledArray.GLOBALS.stream()
            .map(Global::toString)
            .collect(java.util.stream.Collectors.toSet()));
  }
}
