package org.aerobench.simulations.support;

import java.util.List;

/**
 * One or more {@code -D} parameters are wrong; thrown from a simulation's constructor so that the
 * run stops before any process is started or any request is sent.
 *
 * <p>The stack trace is left out on purpose: the message says everything the user needs (which
 * parameter, the rule, an example), and Gatling already prints its own frames around it.
 */
public final class BadParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public BadParameterException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per bad parameter. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  private static String message(List<String> problems) {
    StringBuilder text =
        new StringBuilder(
            problems.size() == 1
                ? "bad parameter, no load was sent:"
                : problems.size() + " bad parameters, no load was sent:");
    problems.forEach(p -> text.append("\n  - ").append(p));
    return text.toString();
  }
}
