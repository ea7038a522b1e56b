package io.modelaudit.formats.keras;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.ZipArchive;
import io.modelaudit.formats.numpy.NpyHeader;
import io.modelaudit.formats.numpy.PickleMachine;
import io.modelaudit.formats.numpy.PickleValue;
import io.modelaudit.formats.numpy.PickleValue.Call;
import io.modelaudit.formats.numpy.PickleValue.Global;
import io.modelaudit.formats.numpy.PickleValue.PyDict;
import io.modelaudit.formats.numpy.PickleValue.Tuple;
import io.modelaudit.formats.numpy.PickledArray;
import io.modelaudit.ir.Shape;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the weights of a Keras 3 archive saved with {@code weights_format="npz"}: a numpy {@code
 * .npz} (itself a zip) with one {@code <path>.npy} per saved object, {@code layers/dense} for what
 * the h5 form keeps in {@code layers/dense/vars}. Each is a 0-d object array whose pickle holds a
 * dict {@code {"0": variable, "1": variable, …}}; a variable is a numpy array, a jax array, or a
 * Keras {@code Variable} object whose state holds one in {@code _value}.
 *
 * <p>The pickles are walked as data by {@link PickleMachine}, which accepts only the names of those
 * array and variable classes and never resolves or calls anything; only shapes are kept.
 */
final class KerasArchiveNpzWeights {
  static final Global KERAS_VARIABLE = new Global("keras.src.backend", "Variable");
  private static final Set<Global> ALLOWED;
  private static final String ROOT_ENTRY = "__root__";

  /** One object's pickle holds its variables' data: a layer's can be as large as the model. */
  private static final long MAX_ENTRY_BYTES = 16L << 30;

  static {
    Set<Global> allowed = new HashSet<>(PickledArray.GLOBALS);
    allowed.add(KERAS_VARIABLE);
    ALLOWED = Set.copyOf(allowed);
  }

  private KerasArchiveNpzWeights() {}

  static ArchiveWeightTree tree(ZipArchive npz) {
    ArchiveWeightTree root = new ArchiveWeightTree();
    for (String name : npz.names()) {
      if (!name.endsWith(".npy")) {
        throw new ModelFileException(
            "corrupt",
            KerasArchiveImporter.WEIGHTS_NPZ + " holds " + name + ", which is not a .npy array");
      }
      String key = name.substring(0, name.length() - ".npy".length());
      String where = KerasArchiveImporter.WEIGHTS_NPZ + " " + name;
      List<String> path = key.equals(ROOT_ENTRY) ? List.of() : Arrays.asList(key.split("[/\\\\]"));
      ArchiveWeightTree vars = root.group(path, KerasArchiveImporter.WEIGHTS_NPZ).child("vars");
      for (Map.Entry<String, Object> v : variables(npz, name, where).entrySet()) {
        PickledArray array = variableArray(v.getValue(), where + " variable '" + v.getKey() + "'");
        vars.put(
            v.getKey(),
            new ArchiveWeightTree.Leaf(
                array.shape(),
                name + "['" + v.getKey() + "']",
                array.numpyName(),
                array.itemBytes()),
            KerasArchiveImporter.WEIGHTS_NPZ);
      }
    }
    return root;
  }

  /** The dict one entry pickles: a 0-d object array holding it. */
  private static Map<String, Object> variables(ZipArchive npz, String name, String where) {
    try (InputStream in = new BufferedInputStream(npz.stream(name, MAX_ENTRY_BYTES))) {
      NpyHeader header = NpyHeader.read(in, where);
      if (!header.descr().equals("|O") || header.shape().rank() != 0) {
        throw new ModelFileException(
            "corrupt",
            where
                + " is an array of "
                + header.descr()
                + " "
                + header.shape()
                + ", not the one pickled dict Keras writes");
      }
      Object root = PickleMachine.read(in, where, ALLOWED);
      if (in.read() >= 0) {
        throw PickleValue.refused(where, "data after the pickle's end");
      }
      PickledArray holder = PickledArray.of(root, where);
      if (holder.objects() == null
          || holder.shape().rank() != 0
          || !(holder.objects().get(0) instanceof PyDict)) {
        throw PickleValue.refused(where, "a pickle that is not one dict of variables");
      }
      return ((PyDict) holder.objects().get(0)).items;
    } catch (IOException e) {
      throw new ModelFileException(
          "corrupt", "cannot read " + where + " (" + e.getMessage() + ")", e);
    } catch (UncheckedIOException e) {
      throw new ModelFileException(
          "corrupt", "cannot read " + where + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * A variable's shape: the array itself, or a Keras {@code Variable} built with no arguments and
   * the state {@code {'_shape': (…), …, '_value': array}}, whose two shapes must agree.
   */
  private static PickledArray variableArray(Object value, String where) {
    if (value instanceof Call && ((Call) value).newObject) {
      Call call = (Call) value;
      if (!call.callable.equals(KERAS_VARIABLE)
          || !call.args.items().isEmpty()
          || !(call.state instanceof PyDict)) {
        throw PickleValue.refused(
            where, "an object that is not a Keras Variable as Keras pickles it");
      }
      Map<String, Object> state = ((PyDict) call.state).items;
      PickledArray array = numericArray(state.get("_value"), where);
      Shape shape = array.shape();
      Object declared = state.get("_shape");
      if (declared != null
          && !(declared instanceof Tuple
              && ((Tuple) declared).items().equals(List.copyOf(shape.dims())))) {
        throw new ModelFileException(
            "corrupt", where + ": the Variable declares another shape than its value " + shape);
      }
      return array;
    }
    return numericArray(value, where);
  }

  private static PickledArray numericArray(Object value, String where) {
    PickledArray array = PickledArray.of(value, where);
    if (array.objects() != null) {
      throw PickleValue.refused(where, "an array of objects where a variable's values should be");
    }
    return array;
  }
}
