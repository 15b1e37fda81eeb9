package org.aerobench.data;

/** The request fixture is missing or malformed; the message names the resource and the field. */
public final class FixtureException extends RuntimeException {

  public FixtureException(String message) {
    super(message);
  }

  public FixtureException(String message, Throwable cause) {
    super(message, cause);
  }
}
