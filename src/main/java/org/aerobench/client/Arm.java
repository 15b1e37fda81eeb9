package org.aerobench.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compared arm of a run: a client style, possibly repeated for an A/A comparison. The first arm
 * of a style is named by the style ({@code sync}); a repeat is {@code <style>#<n>} with n ≥ 2
 * ({@code sync#2}). Every arm of a style goes through the same style instance of the app: an A/A
 * pair runs identical code on identical state, so any difference the report finds is noise.
 *
 * @param style the client style, e.g. {@code sync}
 * @param number 1 for the style itself, 2.. for its repeats
 */
public record Arm(String style, int number) {

  private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9_-]*)(?:#([1-9][0-9]*))?");

  /** "sync", "sync#2". */
  public String name() {
    return number == 1 ? style : style + "#" + number;
  }

  /** The style an arm name stands for: {@code sync#2} is {@code sync}; a style is itself. */
  public static String style(String arm) {
    int hash = arm.indexOf('#');
    return hash < 0 ? arm : arm.substring(0, hash);
  }

  /**
   * Parses an arm name.
   *
   * @throws IllegalArgumentException naming the value when it is not {@code <style>} or {@code
   *     <style>#<n>} (n ≥ 2) of one of {@code styles}
   */
  public static Arm parse(String value, Collection<String> styles) {
    Matcher m = NAME.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "arm '" + value + "' is not <style> or <style>#<n> (n >= 2), e.g. sync or sync#2");
    }
    if (!styles.contains(m.group(1))) {
      throw new IllegalArgumentException(
          "unknown client '"
              + m.group(1)
              + "' in '"
              + value
              + "'; allowed: "
              + String.join(", ", styles));
    }
    int number = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    if (number < 2 && m.group(2) != null) {
      throw new IllegalArgumentException(
          "arm '"
              + value
              + "': a repeat is numbered from 2 (the first arm is plain '"
              + m.group(1)
              + "')");
    }
    return new Arm(m.group(1), number);
  }

  /**
   * The arms of a list of names in order: a style listed again becomes its next repeat ({@code
   * sync,sync} is {@code sync, sync#2}); an explicit {@code sync#2} is kept.
   *
   * @throws IllegalArgumentException naming a bad name, or an arm listed twice
   */
  public static List<String> arms(List<String> names, Collection<String> styles) {
    List<String> arms = new ArrayList<>();
    for (String raw : names) {
      Arm arm = parse(raw.trim(), styles);
      String name = arm.name();
      if (arm.number() == 1) {
        int n = 1;
        while (arms.contains(name)) {
          name = new Arm(arm.style(), ++n).name();
        }
      } else if (arms.contains(name)) {
        throw new IllegalArgumentException("arm '" + name + "' is listed twice");
      }
      arms.add(name);
    }
    return arms;
  }
}
