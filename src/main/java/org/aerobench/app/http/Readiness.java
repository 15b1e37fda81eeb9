package org.aerobench.app.http;

import java.util.List;
import java.util.function.BooleanSupplier;

/** What must hold before /ready answers 200: each check with the reason shown when it fails. */
public final class Readiness {

  /** One condition; {@code reason} is shown in the 503 body while it is false. */
  public record Check(String reason, BooleanSupplier ok) {}

  private final List<Check> checks;

  public Readiness(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** The reasons of the failing checks; empty = ready. */
  public List<String> failing() {
    return checks.stream().filter(c -> !c.ok().getAsBoolean()).map(Check::reason).toList();
  }
}
