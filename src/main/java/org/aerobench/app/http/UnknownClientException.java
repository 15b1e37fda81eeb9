package org.aerobench.app.http;

import java.util.List;

/** The {client} path segment names no client style: answered 404 listing the valid names. */
public final class UnknownClientException extends RuntimeException {

  private final String client;
  private final List<String> validNames;

  public UnknownClientException(String client, List<String> validNames) {
    super(
        "client style '"
            + Echo.truncated(client)
            + "' is unknown; valid: "
            + String.join(", ", validNames),
        null,
        false,
        false);
    this.client = Echo.truncated(client);
    this.validNames = List.copyOf(validNames);
  }

  public String client() {
    return client;
  }

  public List<String> validNames() {
    return validNames;
  }
}
