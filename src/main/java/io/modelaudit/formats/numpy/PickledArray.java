package io.modelaudit.formats.numpy;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.numpy.PickleValue.Bytes;
import io.modelaudit.formats.numpy.PickleValue.Call;
import io.modelaudit.formats.numpy.PickleValue.Global;
import io.modelaudit.formats.numpy.PickleValue.PyDict;
import io.modelaudit.formats.numpy.PickleValue.PyList;
import io.modelaudit.formats.numpy.PickleValue.Tuple;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An array as a pickle describes it, recognised from the value tree of {@link PickleMachine}. numpy
 * pickles an ndarray as {@code _reconstruct(ndarray, (0,), b'b')} followed by BUILD with the state
 * {@code (1, shape, dtype, is_fortran, raw bytes)}, where the dtype is {@code dtype('f4', False,
 * True)} with BUILD state {@code (3, '<', None, None, None, -1, -1, 0)}; an array of objects holds
 * a list instead of bytes. jax wraps the same in {@code _reconstruct_array(_reconstruct, (ndarray,
 * (0,), b'b'), state, {'weak_type': …})}. Anything else is refused; the stored byte count must
 * match the declared shape.
 *
 * @param dtype numpy's dtype string, such as {@code <f4} or {@code |O8}
 * @param objects an object array's elements, or null for a numeric one
 */
public record PickledArray(Shape shape, String dtype, List<Object> objects) {
  public static final Global RECONSTRUCT = new Global("numpy._core.multiarray", "_reconstruct");

  /** numpy before 2.0 wrote this module name. */
  public static final Global RECONSTRUCT_NUMPY1 =
      new Global("numpy.core.multiarray", "_reconstruct");

  public static final Global NDARRAY = new Global("numpy", "ndarray");
  public static final Global DTYPE = new Global("numpy", "dtype");
  public static final Global JAX_RECONSTRUCT = new Global("jax._src.array", "_reconstruct_array");

  /**
   * The float types numpy lacks, from the ml_dtypes package jax and Keras use, with their item
   * sizes.
   */
  private static final Map<Global, Integer> ML_DTYPES =
      Map.of(
          new Global("ml_dtypes", "bfloat16"),
          2,
          new Global("ml_dtypes", "float8_e4m3fn"),
          1,
          new Global("ml_dtypes", "float8_e5m2"),
          1);

  /** The module attributes an array's pickle may name. */
  public static final Set<Global> GLOBALS =
      Stream.concat(
              Stream.of(RECONSTRUCT, RECONSTRUCT_NUMPY1, NDARRAY, DTYPE, JAX_RECONSTRUCT),
              ML_DTYPES.keySet().stream())
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern DTYPE_NAME = Pattern.compile("([biufcO])(\\d{1,2})");
  private static final Set<String> BYTE_ORDERS = Set.of("<", ">", "|", "=");

  /** The array {@code value} describes, or an {@code unsafe_pickle} error naming {@code where}. */
  public static PickledArray of(Object value, String where) {
    if (!(value instanceof Call)) {
      throw refused(where, "a " + PickleValue.typeName(value) + " where an array should be");
    }
    Call call = (Call) value;
    if (!call.newObject && call.callable.equals(JAX_RECONSTRUCT)) {
      List<Object> a = call.args.items();
      if (call.state != null
          || a.size() != 4
          || !isReconstruct(a.get(0))
          || !(a.get(1) instanceof Tuple)
          || !(a.get(3) instanceof PyDict)) {
        throw refused(where, "a jax array in another form than jax writes");
      }
      return ndarray((Tuple) a.get(1), a.get(2), where);
    }
    if (!call.newObject && isReconstruct(call.callable)) {
      return ndarray(call.args, call.state, where);
    }
    throw refused(
        where,
        (call.newObject ? "a new " : "a call of ") + call.callable + " where an array should be");
  }

  private static PickledArray ndarray(Tuple args, Object state, String where) {
    List<Object> a = args.items();
    if (a.size() != 3
        || !NDARRAY.equals(a.get(0))
        || !(a.get(1) instanceof Tuple)
        || !((Tuple) a.get(1)).items().equals(List.of(0L))
        || !new Bytes(1).equals(a.get(2))) {
      throw refused(where, "_reconstruct with other arguments than (ndarray, (0,), b'b')");
    }
    if (!(state instanceof Tuple) || ((Tuple) state).items().size() != 5) {
      throw refused(where, "an array without numpy's 5-item state");
    }
    List<Object> s = ((Tuple) state).items();
    if (!Long.valueOf(1).equals(s.get(0))
        || !(s.get(1) instanceof Tuple)
        || !(s.get(3) instanceof Boolean)) {
      throw refused(where, "an array state in another form than numpy writes");
    }
    Shape shape = shape((Tuple) s.get(1), where);
    String dtype = dtype(s.get(2), where);
    boolean objectArray = dtype.endsWith("O8") || dtype.endsWith("O4");
    long elements;
    try {
      elements = shape.size();
    } catch (ArithmeticException e) {
      throw new ModelFileException(
          "corrupt", where + ": an array declares an impossible shape " + shape);
    }
    if (objectArray) {
      if (!(s.get(4) instanceof PyList) || ((PyList) s.get(4)).items.size() != elements) {
        throw new ModelFileException(
            "corrupt",
            where
                + ": an object array of shape "
                + shape
                + " does not hold "
                + elements
                + " objects");
      }
      return new PickledArray(shape, dtype, List.copyOf(((PyList) s.get(4)).items));
    }
    if (!(s.get(4) instanceof Bytes)) {
      throw refused(
          where,
          "a numeric array whose data is a " + PickleValue.typeName(s.get(4)) + ", not bytes");
    }
    long stored = ((Bytes) s.get(4)).length();
    long declared;
    try {
      declared = Checked.multiply(elements, itemSize(s.get(2)));
    } catch (ArithmeticException e) {
      declared = -1;
    }
    if (declared != stored) {
      throw new ModelFileException(
          "corrupt",
          where
              + ": an array declares shape "
              + shape
              + " of "
              + dtype
              + " but holds "
              + stored
              + " bytes");
    }
    return new PickledArray(shape, dtype, null);
  }

  private static Shape shape(Tuple dims, String where) {
    List<Long> out = new ArrayList<>();
    for (Object d : dims.items()) {
      if (!(d instanceof Long) || (Long) d < 0) {
        throw refused(where, "an array dimension that is not a non-negative int");
      }
      out.add((Long) d);
    }
    return Shape.of(out);
  }

  /**
   * {@code dtype('f4', False, True)} with state {@code (3, '<', None, None, None, -1, -1, 0)} →
   * {@code <f4}; {@code dtype(ml_dtypes.bfloat16, False, True)} → {@code <bfloat16}.
   */
  private static String dtype(Object value, String where) {
    if (!(value instanceof Call)
        || ((Call) value).newObject
        || !DTYPE.equals(((Call) value).callable)) {
      throw refused(where, "an array dtype that is a " + PickleValue.typeName(value));
    }
    Call call = (Call) value;
    List<Object> a = call.args.items();
    boolean known =
        a.size() == 3
            && (a.get(0) instanceof Global && ML_DTYPES.containsKey(a.get(0))
                || a.get(0) instanceof String && DTYPE_NAME.matcher((String) a.get(0)).matches());
    if (!known) {
      throw refused(where, "a dtype other than a plain number or object type");
    }
    if (!(call.state instanceof Tuple) || ((Tuple) call.state).items().size() != 8) {
      throw refused(where, "a dtype state in another form than numpy writes");
    }
    List<Object> s = ((Tuple) call.state).items();
    if (!Long.valueOf(3).equals(s.get(0))
        || !(s.get(1) instanceof String)
        || !BYTE_ORDERS.contains(s.get(1))
        || s.get(2) != PickleValue.NONE
        || s.get(3) != PickleValue.NONE
        || s.get(4) != PickleValue.NONE) {
      throw refused(where, "a structured or sub-array dtype");
    }
    String name = a.get(0) instanceof Global ? ((Global) a.get(0)).name() : (String) a.get(0);
    return s.get(1) + name;
  }

  /**
   * numpy's name of the element type ({@code <f4} → {@code float32}, {@code |b1} → {@code bool},
   * {@code <bfloat16} → {@code bfloat16}).
   */
  public String numpyName() {
    String name = dtype.substring(1);
    Matcher m = DTYPE_NAME.matcher(name);
    if (!m.matches()) {
      return name;
    }
    int bits = Integer.parseInt(m.group(2)) * 8;
    switch (m.group(1)) {
      case "f":
        return "float" + bits;
      case "i":
        return "int" + bits;
      case "u":
        return "uint" + bits;
      case "c":
        return "complex" + bits;
      case "b":
        return "bool";
      default:
        return name;
    }
  }

  /** Bytes per element, or 0 for object arrays. */
  public int itemBytes() {
    if (objects != null) {
      return 0;
    }
    String name = dtype.substring(1);
    Matcher m = DTYPE_NAME.matcher(name);
    if (m.matches()) {
      return Integer.parseInt(m.group(2));
    }
    return ML_DTYPES.entrySet().stream()
        .filter(e -> e.getKey().name().equals(name))
        .mapToInt(Map.Entry::getValue)
        .findFirst()
        .orElse(0);
  }

  /** Bytes per element of a dtype {@link #dtype} accepted. */
  private static long itemSize(Object dtype) {
    Object type = ((Call) dtype).args.items().get(0);
    if (type instanceof Global) {
      return ML_DTYPES.get(type);
    }
    Matcher m = DTYPE_NAME.matcher((String) type);
    m.matches();
    return Long.parseLong(m.group(2));
  }

  private static boolean isReconstruct(Object value) {
    return RECONSTRUCT.equals(value) || RECONSTRUCT_NUMPY1.equals(value);
  }

  private static ModelFileException refused(String where, String what) {
    return PickleValue.refused(where, what);
  }
}
