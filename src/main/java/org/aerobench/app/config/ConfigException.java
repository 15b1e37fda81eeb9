package org.aerobench.app.config;

/** A configuration value broke its rule; the message names the key, the value and the rule. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
