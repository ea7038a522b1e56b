package io.modelaudit.formats.dl4j;

/** A DL4J layer or vertex configuration that the rule for its class cannot read. */
public class Dl4jConfigException extends RuntimeException {
  public Dl4jConfigException(String message) {
    super(message);
  }
}
