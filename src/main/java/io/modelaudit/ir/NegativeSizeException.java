package io.modelaudit.ir;

/**
 * A rule would give a weight a negative size: the configuration holds a size that cannot be (Dense
 * {@code units: -1}). Keras would fail to build such a layer; counted as it stands it would
 * subtract parameters from the total.
 */
public class NegativeSizeException extends InvalidConfigException {
  public NegativeSizeException(String message) {
    super(message);
  }
}
