package io.modelaudit.formats;

/** A file that cannot be audited; {@code kind} is the report's stable error identifier. */
public class ModelFileException extends RuntimeException {
  private final String kind;

  public ModelFileException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ModelFileException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }
}
