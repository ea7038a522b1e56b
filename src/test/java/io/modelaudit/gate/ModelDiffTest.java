package io.modelaudit.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pure diff of two snapshots: how layers are paired, renamed, added, removed and changed. */
class ModelDiffTest {
  private static LayerSnapshot layer(String name, String cls, long units, long params) {
    Map<String, List<Long>> weights = new LinkedHashMap<>();
    if (params > 0) {
      weights.put("bias", List.of(units));
    }
    return new LayerSnapshot(
        name,
        name,
        cls,
        List.of(Arrays.asList(null, units)),
        params,
        params,
        0L,
        params,
        null,
        weights,
        null);
  }

  private static ModelSnapshot model(LayerSnapshot... layers) {
    long total = Arrays.stream(layers).mapToLong(LayerSnapshot::params).sum();
    return new ModelSnapshot(
        "m.h5",
        null,
        "keras-h5",
        new ModelSnapshot.Framework("keras", "3.15.1", "jax"),
        new ModelSnapshot.Totals(total, total, 0, 0, total, true),
        List.of(layers));
  }

  private static List<String> summary(ModelDiff d) {
    List<String> out = new ArrayList<>();
    for (LayerChange c : d.layers()) {
      out.add(
          c.kind().id()
              + " "
              + (c.before() == null ? "" : c.before().path())
              + ">"
              + (c.after() == null ? "" : c.after().path())
              + (c.kind() == LayerChange.Kind.CHANGED
                  ? " "
                      + c.fields().stream().map(FieldChange::field).collect(Collectors.joining(","))
                  : ""));
    }
    return out;
  }

  private final LayerSnapshot a = layer("a", "Dense", 4, 20);
  private final LayerSnapshot b = layer("b", "Dense", 8, 40);
  private final LayerSnapshot c = layer("c", "Dense", 2, 18);

  @Test
  void theSameModelHasNoDifferences() {
    ModelDiff d = ModelDiff.between(model(a, b, c), model(a, b, c));
    assertTrue(d.identical());
    assertTrue(d.sameAudit());
  }

  @Test
  void aLayerAddedBetweenTwoOthers() {
    LayerSnapshot x = layer("x", "Dropout", 4, 0);
    ModelDiff d = ModelDiff.between(model(a, c), model(a, x, c));
    assertEquals(List.of("added >x"), summary(d));
    assertTrue(d.totals().isEmpty(), "a layer without weights changes no total");
    assertTrue(!d.sameAudit());
  }

  @Test
  void aRenameNeedsTheSameClassShapesAndCountsInTheSamePlace() {
    LayerSnapshot renamed = layer("b2", "Dense", 8, 40);
    assertEquals(
        List.of("renamed b>b2"), summary(ModelDiff.between(model(a, b, c), model(a, renamed, c))));
    LayerSnapshot other = layer("b2", "Conv1D", 8, 40);
    assertEquals(
        List.of("removed b>", "added >b2"),
        summary(ModelDiff.between(model(a, b, c), model(a, other, c))));
    // the same layer elsewhere (after c) is not in the same place: removed and added
    assertEquals(
        List.of("removed b>", "added >b2"),
        summary(ModelDiff.between(model(a, b, c), model(a, c, renamed))));
  }

  @Test
  void aChangedLayerListsEveryValueThatDiffers() {
    LayerSnapshot wider = layer("b", "Dense", 16, 80);
    ModelDiff d = ModelDiff.between(model(a, b, c), model(a, wider, c));
    assertEquals(
        List.of("changed b>b output_shapes,params,trainable,stored,weights.bias"), summary(d));
    assertEquals(
        List.of("params", "trainable", "stored"),
        d.totals().stream().map(FieldChange::field).collect(Collectors.toList()));
  }

  @Test
  void aFrameworkVersionAloneKeepsTheAudit() {
    ModelSnapshot old = model(a, b);
    ModelSnapshot newer =
        new ModelSnapshot(
            old.path(),
            null,
            old.format(),
            new ModelSnapshot.Framework("keras", "3.16.0", "jax"),
            old.totals(),
            old.layers());
    ModelDiff d = ModelDiff.between(old, newer);
    assertTrue(!d.identical());
    assertTrue(d.sameAudit());
  }

  @Test
  void verdicts() {
    ModelSnapshot locked = model(a, b).withPath("m.h5", "aa");
    assertEquals(
        BaselineVerdict.Status.UNCHANGED,
        BaselineVerdict.of(locked, model(a, b).withPath("m.h5", "aa"), List.of()).status());
    assertEquals(
        BaselineVerdict.Status.RETRAINED,
        BaselineVerdict.of(locked, model(a, b).withPath("m.h5", "bb"), List.of()).status());
    assertEquals(
        BaselineVerdict.Status.DRIFTED,
        BaselineVerdict.of(locked, model(a, c).withPath("m.h5", "bb"), List.of()).status());
    assertEquals(
        BaselineVerdict.Status.DRIFTED,
        BaselineVerdict.of(locked, model(a, c).withPath("m.h5", "aa"), List.of()).status(),
        "the same bytes audited differently (another model-audit) still drift");
    assertEquals(
        BaselineVerdict.Status.NEW,
        BaselineVerdict.of(null, model(a).withPath("n.h5", "cc"), List.of()).status());
  }

  @Test
  void theLockReadsBackAsWritten() throws Exception {
    LockFile lock =
        new LockFile(
            new Limits(1000L, null),
            List.of(model(b, c).withPath("z/m.h5", "ff"), model(a).withPath("a/m.h5", "ee")));
    String text = LockJson.write(lock);
    assertTrue(text.indexOf("a/m.h5") < text.indexOf("z/m.h5"), "sorted by path");
    LockFile again = LockJson.parse(SnapshotJson.MAPPER.readTree(text));
    assertEquals(lock, again);
    assertEquals(text, LockJson.write(again));
  }

  @Test
  void lockPathsAreRelativeWithSlashes() {
    assertEquals("models/x.h5", LockPaths.of(java.nio.file.Path.of("models", "x.h5")));
    assertEquals(
        "models/x.h5",
        LockPaths.of(java.nio.file.Path.of("").toAbsolutePath().resolve("models/./x.h5")));
    assertTrue(LockPaths.within("models/x.h5", "models"));
    assertTrue(LockPaths.within("models/x.h5", ""));
    assertTrue(!LockPaths.within("models2/x.h5", "models"));
  }
}
