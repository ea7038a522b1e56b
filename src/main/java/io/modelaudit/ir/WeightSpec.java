package io.modelaudit.ir;

/** One weight tensor a layer declares: a name such as {@code kernel}, its shape and its bucket. */
public record WeightSpec(String name, Shape shape, WeightBucket bucket) {

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
    return new WeightSpec(prefix + name, shape, bucket);
  }
}
