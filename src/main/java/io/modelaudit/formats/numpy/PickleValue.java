package io.modelaudit.formats.numpy;

import io.modelaudit.formats.ModelFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pickle describes, as inert data: no class is looked up and nothing is called. Scalars are
 * {@link Long}, {@link Double}, {@link Boolean}, {@link String} and {@link #NONE}; the records
 * below stand for the rest. {@code depth} is how deeply containers nest inside a value.
 */
public final class PickleValue {
  /** Python's None. */
  public static final Object NONE =
      new Object() {
        @Override
        public String toString() {
          return "None";
        }
      };

  private PickleValue() {}

  /** A bytes object: only its length is kept, its content is skipped. */
  public record Bytes(long length) {}

  /** A module attribute named by GLOBAL or STACK_GLOBAL (never resolved). */
  public record Global(String module, String name) {
    @Override
    public String toString() {
      return module + "." + name;
    }
  }

  /**
   * A tuple. Equality is identity: tuples share sub-tuples through the memo, so a structural {@code
   * equals} or {@code hashCode} could visit exponentially many of them.
   */
  public record Tuple(List<Object> items, int depth) {
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  public static final class PyList {
    public final List<Object> items = new ArrayList<>();
    int depth = 1;
  }

  public static final class PyDict {
    public final Map<String, Object> items = new LinkedHashMap<>();
    int depth = 1;
  }

  /**
   * {@code callable(*args)} as REDUCE or NEWOBJ writes it, with the state BUILD gives it (null when
   * none).
   */
  public static final class Call {
    public final Global callable;
    public final Tuple args;
    public final boolean newObject;
    public Object state;
    int depth;

    Call(Global callable, Tuple args, boolean newObject) {
      this.callable = callable;
      this.args = args;
      this.newObject = newObject;
      this.depth = args.depth() + 1;
    }
  }

  static int depth(Object value) {
    if (value instanceof Tuple) {
      return ((Tuple) value).depth();
    } else if (value instanceof PyList) {
      return ((PyList) value).depth;
    } else if (value instanceof PyDict) {
      return ((PyDict) value).depth;
    } else if (value instanceof Call) {
      return ((Call) value).depth;
    }
    return 0;
  }

  /** The error for a pickle that is not what the reader accepts. */
  public static ModelFileException refused(String where, String what) {
    return new ModelFileException(
        "unsafe_pickle", where + ": refused pickle: " + what + " (nothing was run)");
  }

  /** Python's name for a value's type, for messages. */
  public static String typeName(Object value) {
    if (value == null) {
      return "missing value";
    } else if (value == NONE) {
      return "None";
    } else if (value instanceof Long) {
      return "int";
    } else if (value instanceof Double) {
      return "float";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof String) {
      return "str";
    } else if (value instanceof Bytes) {
      return "bytes";
    } else if (value instanceof Tuple) {
      return "tuple";
    } else if (value instanceof PyList) {
      return "list";
    } else if (value instanceof PyDict) {
      return "dict";
    } else if (value instanceof Global) {
      return "global " + value;
    } else if (value instanceof Call) {
      return "call of " + ((Call) value).callable;
    }
    return value.getClass().getSimpleName();
  }
}
