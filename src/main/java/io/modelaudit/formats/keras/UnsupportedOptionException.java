package io.modelaudit.formats.keras;

/**
 * A valid configuration that the rules do not model (a wrapper around a class without a rule, an
 * option such as tf.keras {@code virtual_batch_size}): the layer is unsupported, not invalid.
 */
final class UnsupportedOptionException extends RuntimeException {
  UnsupportedOptionException(String message) {
    super(message);
  }
}
