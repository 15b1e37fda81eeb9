package org.aerobench.app.http;

/**
 * A query parameter broke its rule: answered 400 naming the parameter, value and allowed values.
 * The name and value are kept truncated ({@link Echo}): the reply quotes them, and a hostile value
 * may be kilobytes long.
 */
public final class InvalidParameterException extends RuntimeException {

  private final String parameter;
  private final String value;
  private final String allowed;

  public InvalidParameterException(String parameter, String value, String allowed) {
    super(message(Echo.truncated(parameter), Echo.truncated(value), allowed), null, false, false);
    this.parameter = Echo.truncated(parameter);
    this.value = Echo.truncated(value);
    this.allowed = allowed;
  }

  private static String message(String parameter, String value, String allowed) {
    return "query parameter '"
        + parameter
        + "' has invalid value '"
        + value
        + "'; allowed: "
        + allowed;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }

  public String allowed() {
    return allowed;
  }
}
