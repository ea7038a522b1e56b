package io.modelaudit.formats.keras;

/** A layer or model configuration that cannot be read (missing or malformed argument). */
public class KerasConfigException extends RuntimeException {
  public KerasConfigException(String message) {
    super(message);
  }
}
