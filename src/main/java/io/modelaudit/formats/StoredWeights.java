package io.modelaudit.formats;

import io.modelaudit.ir.Checked;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The weight tensors a file stores, grouped by the top-level layer that owns them. */
public final class StoredWeights implements StoredFacts {
  private final Map<String, List<StoredTensor>> byLayer = new LinkedHashMap<>();
  private final boolean archiveLayout;
  private final Map<String, List<String>> repeatedNames = new LinkedHashMap<>();
  private final List<String> absentLayers = new ArrayList<>();
  private final List<Unreadable> unreadable = new ArrayList<>();

  /**
   * Weights the file says it stores where we cannot read them.
   *
   * @param layer the layer they belong to; null when the whole weights group is unreadable
   * @param location the HDF5 path of the link or node
   * @param external whether it is a link into another file (never opened)
   * @param why what the node is, e.g. "an external link to other.h5:/w, ..."
   */
  public record Unreadable(String layer, String location, boolean external, String why) {}

  public StoredWeights() {
    this(false);
  }

  /**
   * @param archiveLayout the layout of a Keras 3 {@code .keras} archive: each layer's variables in
   *     the order it created them (not trainable ones first), LoRA factors merged into the kernel
   */
  public StoredWeights(boolean archiveLayout) {
    this.archiveLayout = archiveLayout;
  }

  public boolean archiveLayout() {
    return archiveLayout;
  }

  public void put(String layer, List<StoredTensor> tensors) {
    byLayer.put(layer, List.copyOf(tensors));
  }

  /** The tensors stored for a layer; null when the file has no entry for it at all. */
  public List<StoredTensor> forLayer(String layer) {
    return byLayer.get(layer);
  }

  /** Records that a layer's list of weight names names {@code name} more than once. */
  public void repeatedName(String layer, String name) {
    List<String> names = repeatedNames.computeIfAbsent(layer, k -> new ArrayList<>());
    if (!names.contains(name)) {
      names.add(name);
    }
  }

  /** Per layer, the weight names its list repeats (each dataset is stored, and counted, once). */
  public Map<String, List<String>> repeatedNames() {
    return Collections.unmodifiableMap(repeatedNames);
  }

  /** Records that the file lists a layer as storing weights but holds no group for it. */
  public void absentLayer(String layer) {
    absentLayers.add(layer);
  }

  /** The layers the file lists but holds no group for, in the order it lists them. */
  public List<String> absentLayers() {
    return Collections.unmodifiableList(absentLayers);
  }

  /** Records weights the file says it stores where they cannot be read. */
  public void unreadable(Unreadable u) {
    unreadable.add(u);
  }

  /** The weights that could not be read, in the order met. */
  public List<Unreadable> unreadable() {
    return Collections.unmodifiableList(unreadable);
  }

  /** Whether the whole weights group is unreadable, so that no layer can be compared. */
  public boolean allUnreadable() {
    return unreadable.stream().anyMatch(u -> u.layer() == null);
  }

  public Map<String, List<StoredTensor>> all() {
    return Collections.unmodifiableMap(byLayer);
  }

  @Override
  public Long storedTotal() {
    return allUnreadable() ? null : totalSize();
  }

  public long totalSize() {
    long n = 0;
    for (List<StoredTensor> ts : byLayer.values()) {
      for (StoredTensor t : ts) {
        n = Checked.add(n, t.size());
      }
    }
    return n;
  }
}
