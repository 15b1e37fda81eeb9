package org.aerobench.embedded.exp;

/** Result codes only expressions answer (client {@code ResultCode}). */
public final class ExpResults {

  private ExpResults() {}

  public static final int BIN_EXISTS = 6; // CREATE_ONLY write expression on an existing bin
  public static final int BIN_NOT_FOUND = 17; // UPDATE_ONLY write expression on a missing bin
  public static final int FILTERED_OUT = 27; // the record did not pass the filter expression
}
