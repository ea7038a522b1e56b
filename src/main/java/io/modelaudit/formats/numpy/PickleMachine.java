package io.modelaudit.formats.numpy;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.numpy.PickleValue.Bytes;
import io.modelaudit.formats.numpy.PickleValue.Call;
import io.modelaudit.formats.numpy.PickleValue.Global;
import io.modelaudit.formats.numpy.PickleValue.PyDict;
import io.modelaudit.formats.numpy.PickleValue.PyList;
import io.modelaudit.formats.numpy.PickleValue.Tuple;
import io.modelaudit.ir.Cancellation;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the opcodes of a pickle (protocols 2 to 5) as data, never as a program: GLOBAL and
 * STACK_GLOBAL only name a module attribute, and only names in the allowlist are accepted at all;
 * REDUCE, NEWOBJ and BUILD only record what would have been called with what. The result is the
 * inert value tree of {@link PickleValue}; deciding what it means is the caller's job.
 *
 * <p>Only the opcodes Python 3 writes for plain data and objects are known; the rest (extension
 * registry, persistent ids, out-of-band buffers, protocol 0/1 text forms, INST/OBJ, sets) are
 * refused. Everything is bounded: opcodes, memo, stack, marks, nesting and string lengths; byte
 * strings are skipped, not read into memory.
 */
public final class PickleMachine {
  static final int MAX_OPCODES = 1_000_000;
  static final int MAX_MEMO = 100_000;
  static final int MAX_STACK = 100_000;
  static final int MAX_MARKS = 64;
  static final int MAX_DEPTH = 32;
  static final int MAX_STRING_BYTES = 1 << 16;
  private static final int MAX_GLOBAL_LINE = 256;

  /** Names of the opcodes Python knows but this reader refuses, for messages. */
  private static final Map<Integer, String> REFUSED_OPCODES =
      Map.ofEntries(
          Map.entry((int) 'P', " (PERSID)"),
          Map.entry((int) 'Q', " (BINPERSID)"),
          Map.entry((int) 'i', " (INST)"),
          Map.entry((int) 'o', " (OBJ)"),
          Map.entry(0x82, " (EXT1)"),
          Map.entry(0x83, " (EXT2)"),
          Map.entry(0x84, " (EXT4)"),
          Map.entry(0x92, " (NEWOBJ_EX)"),
          Map.entry(0x97, " (NEXT_BUFFER)"),
          Map.entry(0x98, " (READONLY_BUFFER)"),
          Map.entry(0x96, " (BYTEARRAY8)"),
          Map.entry(0x8f, " (EMPTY_SET)"),
          Map.entry(0x90, " (ADDITEMS)"),
          Map.entry(0x91, " (FROZENSET)"),
          Map.entry((int) 'S', " (STRING)"),
          Map.entry((int) 'T', " (BINSTRING)"),
          Map.entry((int) 'U', " (SHORT_BINSTRING)"),
          Map.entry((int) 'V', " (UNICODE)"),
          Map.entry((int) 'I', " (INT)"),
          Map.entry((int) 'L', " (LONG)"),
          Map.entry(0x8b, " (LONG4)"),
          Map.entry((int) 'F', " (FLOAT)"),
          Map.entry((int) 'p', " (PUT)"),
          Map.entry((int) 'g', " (GET)"),
          Map.entry((int) '0', " (POP)"),
          Map.entry((int) '1', " (POP_MARK)"),
          Map.entry((int) '2', " (DUP)"));

  private final InputStream in;
  private final String where;
  private final Set<Global> allowed;
  private final List<Object> stack = new ArrayList<>();
  private final Deque<Integer> marks = new ArrayDeque<>();
  private final Map<Integer, Object> memo = new HashMap<>();
  private long offset;

  private PickleMachine(InputStream in, String where, Set<Global> allowed) {
    this.in = in;
    this.where = where;
    this.allowed = allowed;
  }

  /**
   * Reads one pickle from {@code in} up to its STOP opcode and returns the value it describes.
   *
   * @param where names the pickle in error messages
   * @param allowed the only module attributes the pickle may name
   */
  public static Object read(InputStream in, String where, Set<Global> allowed) {
    try {
      return new PickleMachine(in, where, allowed).run();
    } catch (EOFException e) {
      throw new ModelFileException("corrupt", where + ": the pickle is truncated");
    } catch (IOException e) {
      throw new ModelFileException(
          "corrupt", where + ": cannot read the pickle (" + e.getMessage() + ")", e);
    }
  }

  private Object run() throws IOException {
    for (int count = 0; count < MAX_OPCODES; count++) {
      if ((count & 0xFFF) == 0) {
        Cancellation.check();
      }
      long at = offset;
      int op = u1();
      switch (op) {
        case 0x80:
          { // PROTO
            int protocol = u1();
            if (protocol < 2 || protocol > 5) {
              throw refused("pickle protocol " + protocol + " (only 2 to 5 are read)");
            }
            break;
          }
        case 0x95: // FRAME: a length hint, the opcodes follow inline
          le(8);
          break;
        case '.': // STOP
          if (stack.size() != 1 || !marks.isEmpty()) {
            throw refused("STOP with " + stack.size() + " values on the stack");
          }
          return stack.get(0);
        case '(': // MARK
          if (marks.size() == MAX_MARKS) {
            throw refused("more than " + MAX_MARKS + " open MARKs");
          }
          marks.push(stack.size());
          break;
        case 'N':
          push(PickleValue.NONE);
          break;
        case 0x88:
          push(Boolean.TRUE);
          break;
        case 0x89:
          push(Boolean.FALSE);
          break;
        case 'K': // BININT1
          push((long) u1());
          break;
        case 'M': // BININT2
          push(le(2));
          break;
        case 'J': // BININT
          push((long) (int) le(4));
          break;
        case 0x8a:
          { // LONG1
            int n = u1();
            if (n > 8) {
              throw refused("an integer of " + n + " bytes");
            }
            long v = n == 0 ? 0 : le(n);
            if (n > 0 && n < 8 && (v & (1L << (8 * n - 1))) != 0) {
              v |= -1L << (8 * n);
            }
            push(v);
            break;
          }
        case 'G': // BINFLOAT, big-endian
          push(Double.longBitsToDouble(Long.reverseBytes(le(8))));
          break;
        case 0x8c: // SHORT_BINUNICODE
          push(text(u1()));
          break;
        case 'X': // BINUNICODE
          push(text(le(4)));
          break;
        case 0x8d: // BINUNICODE8
          push(text(le(8)));
          break;
        case 'C': // SHORT_BINBYTES
          push(bytes(u1()));
          break;
        case 'B': // BINBYTES
          push(bytes(le(4)));
          break;
        case 0x8e: // BINBYTES8
          push(bytes(le(8)));
          break;
        case ')':
          push(new Tuple(List.of(), 1));
          break;
        case 't':
          push(tuple(popMark()));
          break;
        case 0x85:
        case 0x86:
        case 0x87:
          {
            int n = op - 0x84;
            List<Object> items = new ArrayList<>(popN(n));
            push(tuple(items));
            break;
          }
        case ']':
          push(new PyList());
          break;
        case 'l':
          {
            PyList list = new PyList();
            append(list, popMark());
            push(list);
            break;
          }
        case 'a':
          {
            List<Object> item = popN(1);
            append(top(PyList.class, "APPEND"), item);
            break;
          }
        case 'e':
          {
            List<Object> items = popMark();
            append(top(PyList.class, "APPENDS"), items);
            break;
          }
        case '}':
          push(new PyDict());
          break;
        case 'd':
          {
            PyDict dict = new PyDict();
            setItems(dict, popMark());
            push(dict);
            break;
          }
        case 's':
          {
            List<Object> pair = popN(2);
            setItems(top(PyDict.class, "SETITEM"), pair);
            break;
          }
        case 'u':
          {
            List<Object> items = popMark();
            setItems(top(PyDict.class, "SETITEMS"), items);
            break;
          }
        case 'q': // BINPUT
          put((int) u1());
          break;
        case 'r': // LONG_BINPUT
          put(le(4));
          break;
        case 0x94: // MEMOIZE
          put(memo.size());
          break;
        case 'h': // BINGET
          get(u1());
          break;
        case 'j': // LONG_BINGET
          get(le(4));
          break;
        case 'c':
          { // GLOBAL module\nname\n
            String module = line();
            String name = line();
            push(global(module, name));
            break;
          }
        case 0x93:
          { // STACK_GLOBAL
            List<Object> names = popN(2);
            if (!(names.get(0) instanceof String) || !(names.get(1) instanceof String)) {
              throw refused(
                  "STACK_GLOBAL of a "
                      + PickleValue.typeName(names.get(0))
                      + " and a "
                      + PickleValue.typeName(names.get(1)));
            }
            push(global((String) names.get(0), (String) names.get(1)));
            break;
          }
        case 'R': // REDUCE
        case 0x81:
          { // NEWOBJ
            String opName = op == 'R' ? "REDUCE" : "NEWOBJ";
            List<Object> both = popN(2);
            if (!(both.get(0) instanceof Global)) {
              throw refused(
                  opName
                      + " applies a "
                      + PickleValue.typeName(both.get(0))
                      + ", not a named callable");
            }
            if (!(both.get(1) instanceof Tuple)) {
              throw refused(
                  opName
                      + " with arguments that are a "
                      + PickleValue.typeName(both.get(1))
                      + ", not a tuple");
            }
            Call call = new Call((Global) both.get(0), (Tuple) both.get(1), op == 0x81);
            checkDepth(call.depth);
            push(call);
            break;
          }
        case 'b':
          { // BUILD
            Object state = popN(1).get(0);
            Call target = top(Call.class, "BUILD");
            if (target.state != null) {
              throw refused("BUILD on an object that already has its state");
            }
            target.state = state;
            target.depth = Math.max(target.depth, PickleValue.depth(state) + 1);
            checkDepth(target.depth);
            break;
          }
        default:
          throw refused(
              String.format(
                  "opcode 0x%02x%s at byte %d", op, REFUSED_OPCODES.getOrDefault(op, ""), at));
      }
    }
    throw refused("more than " + MAX_OPCODES + " opcodes");
  }

  private Global global(String module, String name) {
    Global g = new Global(module, name);
    if (!allowed.contains(g)) {
      throw refused(
          "it names "
              + printable(module)
              + "."
              + printable(name)
              + ", which is not part of a numpy array or Keras variable");
    }
    return g;
  }

  private Tuple tuple(List<Object> items) {
    int depth = 1;
    for (Object item : items) {
      depth = Math.max(depth, PickleValue.depth(item) + 1);
    }
    checkDepth(depth);
    return new Tuple(List.copyOf(items), depth);
  }

  private void append(PyList list, List<Object> items) {
    for (Object item : items) {
      list.items.add(item);
      list.depth = Math.max(list.depth, PickleValue.depth(item) + 1);
    }
    checkDepth(list.depth);
  }

  private void setItems(PyDict dict, List<Object> items) {
    if (items.size() % 2 != 0) {
      throw refused("a dictionary with a key and no value");
    }
    for (int i = 0; i < items.size(); i += 2) {
      if (!(items.get(i) instanceof String)) {
        throw refused(
            "a dictionary key that is a " + PickleValue.typeName(items.get(i)) + ", not a str");
      }
      dict.items.put((String) items.get(i), items.get(i + 1));
      dict.depth = Math.max(dict.depth, PickleValue.depth(items.get(i + 1)) + 1);
    }
    checkDepth(dict.depth);
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw refused("values nested more than " + MAX_DEPTH + " deep");
    }
  }

  private void put(long index) {
    if (stack.isEmpty()) {
      throw refused("a memo store with an empty stack");
    }
    if (index < 0 || index >= MAX_MEMO) {
      throw refused("memo index " + index + " (at most " + MAX_MEMO + " entries)");
    }
    memo.put((int) index, stack.get(stack.size() - 1));
  }

  private void get(long index) {
    Object v = memo.get((int) Math.min(index, Integer.MAX_VALUE));
    if (v == null) {
      throw refused("memo index " + index + " read before it was stored");
    }
    push(v);
  }

  private void push(Object value) {
    if (stack.size() == MAX_STACK) {
      throw refused("more than " + MAX_STACK + " values on the stack");
    }
    stack.add(value);
  }

  private List<Object> popN(int n) {
    int floor = marks.isEmpty() ? 0 : marks.peek();
    if (stack.size() - floor < n) {
      throw refused("an opcode needs " + n + " values and the stack has fewer");
    }
    List<Object> tail = stack.subList(stack.size() - n, stack.size());
    List<Object> items = new ArrayList<>(tail);
    tail.clear();
    return items;
  }

  private List<Object> popMark() {
    if (marks.isEmpty()) {
      throw refused("an opcode needs a MARK and there is none");
    }
    List<Object> tail = stack.subList(marks.pop(), stack.size());
    List<Object> items = new ArrayList<>(tail);
    tail.clear();
    return items;
  }

  private <T> T top(Class<T> type, String opName) {
    int floor = marks.isEmpty() ? 0 : marks.peek();
    if (stack.size() <= floor || !type.isInstance(stack.get(stack.size() - 1))) {
      throw refused(
          opName
              + " on a "
              + (stack.size() <= floor
                  ? "missing value"
                  : PickleValue.typeName(stack.get(stack.size() - 1))));
    }
    return type.cast(stack.get(stack.size() - 1));
  }

  private int u1() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    offset++;
    return b;
  }

  /**
   * An unsigned little-endian integer of {@code n} bytes (a negative long for 8 bytes past 2^63).
   */
  private long le(int n) throws IOException {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) u1() << (8 * i);
    }
    return v;
  }

  private String text(long length) throws IOException {
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw refused(
          "a string of "
              + Long.toUnsignedString(length)
              + " bytes (at most "
              + MAX_STRING_BYTES
              + ")");
    }
    byte[] b = in.readNBytes((int) length);
    if (b.length < length) {
      throw new EOFException();
    }
    offset += length;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw refused("a string that is not UTF-8");
    }
  }

  private Bytes bytes(long length) throws IOException {
    if (length < 0) {
      throw refused("a byte string of " + Long.toUnsignedString(length) + " bytes");
    }
    in.skipNBytes(length);
    offset += length;
    return new Bytes(length);
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b = u1(); b != '\n'; b = u1()) {
      if (sb.length() == MAX_GLOBAL_LINE) {
        throw refused("a GLOBAL name longer than " + MAX_GLOBAL_LINE + " characters");
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  private ModelFileException refused(String what) {
    return PickleValue.refused(where, what);
  }

  /** A name from the file as it may be shown on one line. */
  private static String printable(String s) {
    String t =
        s.codePoints()
            .limit(80)
            .collect(
                StringBuilder::new,
                (sb, c) -> sb.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c),
                StringBuilder::append)
            .toString();
    return s.codePointCount(0, s.length()) > 80 ? t + "…" : t;
  }
}
