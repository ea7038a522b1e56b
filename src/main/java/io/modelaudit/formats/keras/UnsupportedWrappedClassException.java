package io.modelaudit.formats.keras;

/** A wrapper (Bidirectional, TimeDistributed) around a class without a rule: unsupported, not invalid. */
final class UnsupportedWrappedClassException extends RuntimeException {
  UnsupportedWrappedClassException(String message) {
    super(message);
  }
}
