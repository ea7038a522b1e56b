package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import java.util.List;

/**
 * RandomCrop: Keras 3.15 declares (height, width) on the two spatial axes, as CenterCrop does, and
 * crops to that when training; at inference ({@code training=False}) it returns the image
 * unchanged, so a model whose input is not already that size runs with other shapes than it was
 * built with.
 */
public final class RandomCropKind implements LayerKind {
  private final long height;
  private final long width;
  private final ResizeKind declared;

  public RandomCropKind(long height, long width, DataFormat format) {
    this.height = height;
    this.width = width;
    this.declared = new ResizeKind(height, width, format);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return declared.outputShapes(inputs);
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    Shape in = LayerKind.single(inputs);
    Shape out = outputShapes(inputs).get(0);
    if (in.equals(out)) {
      return List.of();
    }
    return List.of(
        "Keras declares the crop "
            + height
            + "×"
            + width
            + " "
            + out
            + ", but at inference RandomCrop returns its input "
            + in
            + " unchanged (it crops only when training)");
  }
}
