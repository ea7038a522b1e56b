package io.modelaudit.suppress;

/** A suppression file that cannot be used; the message is the one line to print. */
public final class MalformedSuppressionsException extends Exception {
  MalformedSuppressionsException(String message) {
    super(message);
  }
}
