package io.modelaudit.ir.layers;

/** Kernel shapes (spatial sizes plus channel counts) and how formulas print them. */
final class KernelDims {
  private KernelDims() {}

  /** {@code a} followed by {@code b}. */
  static long[] concat(long[] a, long... b) {
    long[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** {@code 3·3·4} */
  static String product(long... dims) {
    StringBuilder s = new StringBuilder();
    for (long d : dims) {
      s.append(s.length() == 0 ? "" : "·").append(d);
    }
    return s.toString();
  }
}
