package io.modelaudit.reference.stored;

import io.modelaudit.formats.StoredTensor;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * For a layer whose input shape is unknown (after a Lambda whose output nothing records): whether
 * any input could make its rule expect the weights the file stores. Its weights usually depend on
 * one dimension of the input (the channels or features), so the rule is run on inputs of every rank
 * from 2 to 6 with one known dimension, placed at each axis, taken from the dimensions the stored
 * tensors have (then their multiples); the others stay unknown. A rule that needs more than one
 * dimension gives weights with unknown dimensions and says nothing either way. Tensors are compared
 * as a multiset of shapes, so that a fit does not depend on the order they are stored in.
 */
final class StoredWeightsFit {
  private static final int MAX_RANK = 6;
  private static final int MAX_CANDIDATE_DIMS = 32;
  private static final int MAX_GROUPS = 64;

  /**
   * The rule's weights that come closest, with the dimension that gave them, when no input makes
   * the rule expect the stored shapes; null when one does or when the rule cannot tell.
   */
  record Misfit(long dim, List<WeightSpec> closest) {}

  private StoredWeightsFit() {}

  static Misfit check(LayerInference layer, List<StoredTensor> stored, boolean archiveLayout) {
    LayerKind kind = layer.layer().kind();
    if (kind == null
        || stored.isEmpty()
        || layer.nested() != null
        || layer.layer().calls().isEmpty()
        || layer.layer().calls().get(0).inputs().size() != 1) {
      return null;
    }
    List<String> storedShapes = sortedShapes(stored.stream().map(StoredTensor::shape).toList());
    TreeSet<Long> dims = storedDims(stored);
    Search search = new Search(kind, storedShapes, archiveLayout);
    // The channels themselves are usually a stored dimension; grouped convolutions store only
    // channels / groups, so multiples are tried when the dimensions alone fit nothing. A rule that
    // gave no fully known weights for any of them needs more than one dimension: it cannot tell.
    if (search.fits(dims) || search.closest == null || search.fits(multiples(dims))) {
      return null;
    }
    return search.closest;
  }

  /** Runs the rule over candidate inputs, keeping the closest misfit. */
  private static final class Search {
    private final LayerKind kind;
    private final List<String> storedShapes;
    private final boolean archiveLayout;
    private Misfit closest;
    private int closestMatches = -1;

    Search(LayerKind kind, List<String> storedShapes, boolean archiveLayout) {
      this.kind = kind;
      this.storedShapes = storedShapes;
      this.archiveLayout = archiveLayout;
    }

    boolean fits(TreeSet<Long> dims) {
      for (long dim : dims) {
        for (int rank = 2; rank <= MAX_RANK; rank++) {
          for (int axis = 1; axis < rank; axis++) {
            List<WeightSpec> weights = weightsFor(kind, input(rank, axis, dim), archiveLayout);
            if (weights == null || weights.size() != storedShapes.size()) {
              continue;
            }
            List<String> ours = sortedShapes(weights.stream().map(WeightSpec::shape).toList());
            if (ours.equals(storedShapes)) {
              return true;
            }
            int matches = commonCount(ours, storedShapes);
            if (matches > closestMatches) {
              closestMatches = matches;
              closest = new Misfit(dim, weights);
            }
          }
        }
      }
      return false;
    }
  }

  private static List<WeightSpec> weightsFor(LayerKind kind, Shape input, boolean archiveLayout) {
    try {
      List<WeightSpec> weights = kind.weights(List.of(input));
      if (archiveLayout) {
        // an archive does not store the variables a layer folds on save
        weights = weights.stream().filter(w -> !w.foldedOnSave()).toList();
      }
      for (WeightSpec w : weights) {
        if (w.shape() == null || !w.shape().isFullyKnown()) {
          return null;
        }
      }
      return weights;
    } catch (RuntimeException e) {
      // This input form is not one the rule takes; another candidate may be.
      return null;
    }
  }

  private static Shape input(int rank, int axis, long dim) {
    List<Long> dims = new ArrayList<>(Collections.nCopies(rank, (Long) null));
    dims.set(axis, dim);
    return Shape.of(dims);
  }

  private static TreeSet<Long> storedDims(List<StoredTensor> stored) {
    TreeSet<Long> dims = new TreeSet<>();
    for (StoredTensor t : stored) {
      for (Long d : t.shape().dims()) {
        if (d != null && d > 0 && dims.size() < MAX_CANDIDATE_DIMS) {
          dims.add(d);
        }
      }
    }
    return dims;
  }

  private static TreeSet<Long> multiples(TreeSet<Long> dims) {
    TreeSet<Long> out = new TreeSet<>();
    for (long d : dims) {
      for (long groups = 2; groups <= MAX_GROUPS && d <= Long.MAX_VALUE / groups; groups++) {
        out.add(d * groups);
      }
    }
    out.removeAll(dims);
    return out;
  }

  private static List<String> sortedShapes(List<Shape> shapes) {
    List<String> out = new ArrayList<>();
    shapes.forEach(s -> out.add(String.valueOf(s)));
    Collections.sort(out);
    return out;
  }

  private static int commonCount(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(b);
    int n = 0;
    for (String s : a) {
      if (rest.remove(s)) {
        n++;
      }
    }
    return n;
  }
}
