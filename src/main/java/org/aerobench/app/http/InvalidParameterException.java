package org.aerobench.app.http;

/**
 * A query parameter broke its rule: answered 400 naming the parameter, value and allowed values.
 */
public final class InvalidParameterException extends RuntimeException {

  private final String parameter;
  private final String value;
  private final String allowed;

  public InvalidParameterException(String parameter, String value, String allowed) {
    super(
        "query parameter '"
            + parameter
            + "' has invalid value '"
            + value
            + "'; allowed: "
            + allowed,
        null,
        false,
        false);
    this.parameter = parameter;
    this.value = value;
    this.allowed = allowed;
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
