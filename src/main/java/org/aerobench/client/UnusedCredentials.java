package org.aerobench.client;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.ResultCode;
import java.util.Optional;

/**
 * Says when configured credentials do nothing. A server without security (the embedded one, a CE
 * server with security off) answers the client's login with SECURITY_NOT_ENABLED, which the client
 * accepts silently, so a user who set AEROSPIKE_USER/AEROSPIKE_PASSWORD believed they were in use.
 */
public final class UnusedCredentials {

  private UnusedCredentials() {}

  /**
   * The warning to log once, or empty when no credentials are set or the server has security. One
   * admin call ({@code queryUser}) on a connected client tells: it fails with SECURITY_NOT_ENABLED
   * exactly when the server has no security. The warning names the environment variables, never
   * their values.
   */
  public static Optional<String> check(IAerospikeClient client, ClientSettings settings) {
    if (settings.user() == null) {
      return Optional.empty();
    }
    try {
      client.queryUser(null, settings.user());
      return Optional.empty();
    } catch (AerospikeException e) {
      if (e.getResultCode() != ResultCode.SECURITY_NOT_ENABLED) {
        return Optional.empty(); // security is on (e.g. not allowed to query users): they are used
      }
      return Optional.of(
          "credentials from "
              + ClientSettings.USER_ENV
              + "/"
              + ClientSettings.PASSWORD_ENV
              + " were NOT used: the Aerospike server "
              + String.join(",", settings.hosts())
              + " has no security enabled (it answered SECURITY_NOT_ENABLED); unset them, or"
              + " enable security on the server");
    }
  }
}
