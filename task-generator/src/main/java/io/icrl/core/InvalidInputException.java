package io.icrl.core;

/**
 * Bad input from a user: a config key, a task id, a CLI flag, a file. The message names what was
 * wrong and where; the CLI maps this exception to exit code 2.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
