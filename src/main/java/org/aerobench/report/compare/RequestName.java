package org.aerobench.report.compare;

/**
 * A request name split by the project's naming contract {@code "<mode> <client>"} (e.g. {@code
 * "merge_gather async"}): the first word is the scenario/mode, the last the client style.
 */
public record RequestName(String full, String mode, String client) {

  public static RequestName parse(String name) {
    String trimmed = name.trim();
    String[] words = trimmed.split("\\s+");
    if (words.length < 2) {
      return new RequestName(trimmed, "", trimmed);
    }
    return new RequestName(trimmed, words[0], words[words.length - 1]);
  }
}
