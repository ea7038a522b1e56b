package io.modelaudit.formats.dl4j;

import static io.modelaudit.formats.dl4j.Dl4jLayerBindings.CNN;
import static io.modelaudit.formats.dl4j.Dl4jLayerBindings.FF;
import static io.modelaudit.formats.dl4j.Dl4jLayerBindings.RNN;
import static io.modelaudit.formats.dl4j.Dl4jLayerBindings.register;

import io.modelaudit.ir.layers.dl4j.Dl4jAttentionKind;
import io.modelaudit.ir.layers.dl4j.Dl4jCapsuleKind;
import io.modelaudit.ir.layers.dl4j.Dl4jConvolutionMode;
import io.modelaudit.ir.layers.dl4j.Dl4jLocallyConnectedKind;
import io.modelaudit.ir.layers.dl4j.Dl4jOcnnKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRepeatVectorKind;

/**
 * The attention, capsule, locally connected, RepeatVector and OCNN layers of DL4J 1.0.0-M2.1. Their
 * SameDiff configurations record every size they are built with (nIn, inputSize, input capsules).
 */
final class Dl4jMoreLayerBindings {
  private Dl4jMoreLayerBindings() {}

  static void registerAll() {
    register(
        Dl4jAttentionKind.class,
        Dl4jLayerTraits.takes(RNN),
        a ->
            Dl4jAttentionKind.self(
                a.size("nin"),
                a.size("nout"),
                a.getLong("nheads", 1),
                a.getLong("headSize", 0),
                a.getBool("projectInput", false)),
        "SelfAttentionLayer");
    register(
        Dl4jAttentionKind.class,
        Dl4jLayerTraits.takes(RNN),
        a ->
            Dl4jAttentionKind.learned(
                a.size("nin"),
                a.size("nout"),
                a.getLong("nheads", 1),
                a.getLong("headSize", 0),
                a.getBool("projectInput", false),
                a.size("nqueries")),
        "LearnedSelfAttentionLayer");
    register(
        Dl4jAttentionKind.class,
        Dl4jLayerTraits.takes(RNN),
        a ->
            Dl4jAttentionKind.recurrent(
                a.size("nin"),
                a.size("nout"),
                a.getLong("nheads", 1),
                a.getLong("headSize", 0),
                a.getBool("projectInput", false),
                a.getBool("hasBias", true)),
        "RecurrentAttentionLayer");
    register(
        Dl4jCapsuleKind.class,
        Dl4jLayerTraits.takes(CNN).nIn("inputChannels"),
        a ->
            Dl4jCapsuleKind.primary(
                window(a, "kernelSize", "stride", "padding", "dilation", 2),
                a.convolutionMode(),
                a.getLong("inputChannels", 0),
                a.size("channels"),
                a.size("capsuleDimensions"),
                a.getBool("hasBias", true)),
        "PrimaryCapsules");
    register(
        Dl4jCapsuleKind.class,
        Dl4jLayerTraits.takes(RNN).nIn("inputCapsules"),
        a ->
            Dl4jCapsuleKind.capsule(
                a.size("capsules"),
                a.size("capsuleDimensions"),
                a.getLong("inputCapsules", 0),
                a.getLong("inputCapsuleDimensions", 0),
                a.getBool("hasBias", false)),
        "CapsuleLayer");
    register(
        Dl4jCapsuleKind.class,
        Dl4jLayerTraits.takes(RNN),
        a -> Dl4jCapsuleKind.strength(),
        "CapsuleStrengthLayer");
    register(
        Dl4jLocallyConnectedKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> locallyConnected(a, 2),
        "LocallyConnected2D");
    register(
        Dl4jLocallyConnectedKind.class,
        Dl4jLayerTraits.takes(RNN),
        a -> locallyConnected(a, 1),
        "LocallyConnected1D");
    register(
        Dl4jRepeatVectorKind.class,
        Dl4jLayerTraits.takes(FF),
        a -> new Dl4jRepeatVectorKind(a.getLong("nin", 0), a.size("n"), a.channelsLast()),
        "RepeatVector");
    register(
        Dl4jOcnnKind.class,
        Dl4jLayerTraits.takes(FF),
        a -> new Dl4jOcnnKind(a.size("nin"), a.size("hiddenSize")),
        "OCNNOutputLayer");
  }

  /** Kernel, stride, padding and dilation, {@code n} values each, in one array. */
  private static long[] window(
      Dl4jArgs a, String kernel, String stride, String padding, String dilation, int n) {
    long[] out = new long[4 * n];
    System.arraycopy(a.tuple(kernel, n, null), 0, out, 0, n);
    System.arraycopy(a.tuple(stride, n, 1L), 0, out, n, n);
    System.arraycopy(a.tuple(padding, n, 0L), 0, out, 2 * n, n);
    System.arraycopy(a.tuple(dilation, n, 1L), 0, out, 3 * n, n);
    return out;
  }

  /** LocallyConnected1D records single numbers, LocallyConnected2D pairs. */
  private static Dl4jLocallyConnectedKind locallyConnected(Dl4jArgs a, int n) {
    long[] w = window(a, "kernel", "stride", "padding", "dilation", n);
    long[] in = a.get("inputSize") == null ? new long[n] : a.tuple("inputSize", n, null);
    return new Dl4jLocallyConnectedKind(
        a.size("nin"),
        a.size("nout"),
        java.util.Arrays.copyOfRange(w, 0, n),
        java.util.Arrays.copyOfRange(w, n, 2 * n),
        java.util.Arrays.copyOfRange(w, 2 * n, 3 * n),
        java.util.Arrays.copyOfRange(w, 3 * n, 4 * n),
        in,
        Dl4jConvolutionMode.parse(a.getString("cm", "Same")),
        a.getBool("hasBias", true),
        n == 2 && a.channelsLast());
  }
}
