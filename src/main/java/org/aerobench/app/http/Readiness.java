package org.aerobench.app.http;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What must hold before /ready answers 200: each check with the reason shown when it fails. */
public final class Readiness {

  /** One condition; {@code reason} is asked for and shown in the 503 body while it is false. */
  public record Check(Supplier<String> reason, BooleanSupplier ok) {

    /** A check whose reason never changes. */
    public Check(String reason, BooleanSupplier ok) {
      this(() -> reason, ok);
    }
  }

  private final List<Check> checks;

  public Readiness(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** The reasons of the failing checks; empty = ready. */
  public List<String> failing() {
    return checks.stream().filter(c -> !c.ok().getAsBoolean()).map(c -> c.reason().get()).toList();
  }
}
