package org.aerobench.report;

/**
 * Input the report tools cannot use: a missing or half-written run folder, a report from another
 * Gatling version, a gate rule naming an unknown request. The message names the file (or value),
 * what was found and what was expected; commands print it as one line and exit 2.
 */
public final class ReportInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportInputException(String message) {
    super(message);
  }

  public ReportInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
