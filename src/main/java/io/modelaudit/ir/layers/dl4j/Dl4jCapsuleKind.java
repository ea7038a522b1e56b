package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J's capsule layers. PrimaryCapsules: a convolution of an NCHW image with capsuleDimensions ·
 * channels filters, read as [mb, channels·h'·w', capsuleDimensions]; weight [kH, kW, c,
 * capsuleDimensions·channels], bias [capsuleDimensions·channels]. CapsuleLayer: [mb, inCapsules,
 * inDims] → [mb, capsules, capsuleDimensions]; weight [1, inCapsules, capsules·capsuleDimensions,
 * inDims, 1] (a bias of the same shape with 1 in place of inDims). CapsuleStrengthLayer: [mb,
 * capsules, dims] → [mb, capsules].
 */
public final class Dl4jCapsuleKind extends SingleInputKind implements ConfiguredWeights {
  private enum Variant {
    PRIMARY,
    CAPSULE,
    STRENGTH
  }

  private final Variant variant;
  private final long[] window;
  private final Dl4jConvolutionMode mode;
  private final long inChannels;
  private final long capsules;
  private final long dims;
  private final long inCapsules;
  private final long inDims;
  private final boolean hasBias;

  private Dl4jCapsuleKind(
      Variant variant,
      long[] window,
      Dl4jConvolutionMode mode,
      long inChannels,
      long capsules,
      long dims,
      long inCapsules,
      long inDims,
      boolean hasBias) {
    this.variant = variant;
    this.window = window.clone();
    this.mode = mode;
    this.inChannels = inChannels;
    this.capsules = capsules;
    this.dims = dims;
    this.inCapsules = inCapsules;
    this.inDims = inDims;
    this.hasBias = hasBias;
  }

  /**
   * PrimaryCapsules; {@code window} is kernel, stride, padding and dilation (2 values each), {@code
   * channels} the capsule channels, {@code inChannels} the image's (0: not recorded).
   */
  public static Dl4jCapsuleKind primary(
      long[] window,
      Dl4jConvolutionMode mode,
      long inChannels,
      long channels,
      long capsuleDimensions,
      boolean hasBias) {
    return new Dl4jCapsuleKind(
        Variant.PRIMARY, window, mode, inChannels, channels, capsuleDimensions, 0, 0, hasBias);
  }

  public static Dl4jCapsuleKind capsule(
      long capsules, long capsuleDimensions, long inCapsules, long inDims, boolean hasBias) {
    return new Dl4jCapsuleKind(
        Variant.CAPSULE,
        new long[0],
        Dl4jConvolutionMode.TRUNCATE,
        0,
        capsules,
        capsuleDimensions,
        inCapsules,
        inDims,
        hasBias);
  }

  public static Dl4jCapsuleKind strength() {
    return new Dl4jCapsuleKind(
        Variant.STRENGTH, new long[0], Dl4jConvolutionMode.TRUNCATE, 0, 0, 0, 0, 0, false);
  }

  @Override
  protected Shape output(Shape input) {
    switch (variant) {
      case PRIMARY:
        {
          if (inChannels > 0) {
            Dl4jChannels.requireChannels(input, 4, false, inChannels, "PrimaryCapsules");
          } else if (input.rank() != 4) {
            throw new ShapeException("PrimaryCapsules expects an NCHW image, got " + input);
          }
          Long h = length(input.dim(2), 0);
          Long w = length(input.dim(3), 1);
          Long n = h == null || w == null ? null : Checked.multiply(capsules, h * w);
          return Shape.of(input.dim(0), n, dims);
        }
      case CAPSULE:
        if (input.rank() != 3) {
          throw new ShapeException("CapsuleLayer expects [mb, capsules, dimensions], got " + input);
        }
        check(input, 1, inCapsules, "input capsules");
        check(input, 2, inDims, "input capsule dimensions");
        return Shape.of(input.dim(0), capsules, dims);
      default:
        if (input.rank() != 3) {
          throw new ShapeException(
              "CapsuleStrengthLayer expects [mb, capsules, dimensions], got " + input);
        }
        return Shape.of(input.dim(0), input.dim(1));
    }
  }

  private Long length(Long in, int axis) {
    return WindowArithmetic.outputLength(
        in, window[axis], window[2 + axis], window[6 + axis], window[4 + axis], mode.window());
  }

  private static void check(Shape input, int axis, long recorded, String what) {
    Long d = input.dim(axis);
    if (recorded > 0 && d != null && d != recorded) {
      throw new ShapeException(
          "the layer records " + recorded + " " + what + " but its input " + input + " has " + d);
    }
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    switch (variant) {
      case PRIMARY:
        {
          long c = inChannels > 0 ? inChannels : known(input, 1, "the image's channels");
          long filters = Checked.multiply(dims, capsules);
          w.add(WeightSpec.trainable("weight", window[0], window[1], c, filters));
          if (hasBias) {
            w.add(WeightSpec.trainable("bias", filters));
          }
          return w;
        }
      case CAPSULE:
        {
          long n = inCapsules > 0 ? inCapsules : known(input, 1, "the input capsules");
          long d = inDims > 0 ? inDims : known(input, 2, "the input capsule dimensions");
          long out = Checked.multiply(capsules, dims);
          w.add(WeightSpec.trainable("weight", 1, n, out, d, 1));
          if (hasBias) {
            w.add(WeightSpec.trainable("bias", 1, n, out, 1, 1));
          }
          return w;
        }
      default:
        return w;
    }
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    boolean recorded =
        variant == Variant.STRENGTH
            || variant == Variant.PRIMARY && inChannels > 0
            || variant == Variant.CAPSULE && inCapsules > 0 && inDims > 0;
    return recorded ? weights((Shape) null) : null;
  }
}
