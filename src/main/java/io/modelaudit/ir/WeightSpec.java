package io.modelaudit.ir;

/**
 * One weight tensor a layer declares: a name such as {@code kernel}, its shape and its bucket.
 *
 * @param foldedOnSave Keras 3 {@code .keras} archives do not store this weight: it is folded into
 *     another one when saved (LoRA factors are merged into the kernel)
 */
public record WeightSpec(String name, Shape shape, WeightBucket bucket, boolean foldedOnSave) {

  public WeightSpec(String name, Shape shape, WeightBucket bucket) {
    this(name, shape, bucket, false);
  }

  public static WeightSpec trainable(String name, Shape shape) {
    return new WeightSpec(name, shape, WeightBucket.TRAINABLE);
  }

  public static WeightSpec nonTrainable(String name, Shape shape) {
    return new WeightSpec(name, shape, WeightBucket.NON_TRAINABLE);
  }

  public static WeightSpec trainable(String name, long... dims) {
    return trainable(name, Shape.ofKnown(dims));
  }

  public long size() {
    return shape.size();
  }

  public WeightSpec renamed(String prefix) {
    return new WeightSpec(prefix + name, shape, bucket, foldedOnSave);
  }

  public WeightSpec asFoldedOnSave() {
    return new WeightSpec(name, shape, bucket, true);
  }

  public WeightSpec withBucket(WeightBucket value) {
    return new WeightSpec(name, shape, value, foldedOnSave);
  }
}
