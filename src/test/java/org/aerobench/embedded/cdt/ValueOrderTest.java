package org.aerobench.embedded.cdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

  private static Val str(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] raw = new byte[utf8.length + 1];
    raw[0] = Val.STRING;
    System.arraycopy(utf8, 0, raw, 1, utf8.length);
    return new Val.Blob(raw);
  }

  private static Val blob(int... bytes) {
    byte[] raw = new byte[bytes.length + 1];
    raw[0] = Val.BLOB;
    for (int i = 0; i < bytes.length; i++) {
      raw[i + 1] = (byte) bytes[i];
    }
    return new Val.Blob(raw);
  }

  private static Val list(Val... items) {
    return new Val.Lst(0, new ArrayList<>(List.of(items)));
  }

  private static Val map(Val... keyValues) {
    Val.Mp m = Val.Mp.of(0);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.entries().add(new Val.Entry(keyValues[i], keyValues[i + 1]));
    }
    return m;
  }

  private static Val integer(long v) {
    return new Val.Int(v);
  }

  @Test
  void types_sort_nil_bool_int_string_list_map_bytes_double_geojson_infinity() {
    byte[] geo = {Val.GEOJSON, '{', '}'};
    List<Val> ascending =
        List.of(
            new Val.Nil(),
            new Val.Bool(false),
            new Val.Bool(true),
            integer(Long.MAX_VALUE),
            str(""),
            list(),
            map(),
            blob(),
            new Val.Dbl(-1e300),
            new Val.Blob(geo),
            new Val.Inf());
    List<Val> shuffled = new ArrayList<>(ascending);
    java.util.Collections.reverse(shuffled);

    shuffled.sort(ValueOrder.INSTANCE);

    assertThat(shuffled).containsExactlyElementsOf(ascending);
  }

  @Test
  void integers_are_signed_and_strings_compare_bytes_then_length() {
    assertThat(ValueOrder.cmp(integer(-5), integer(3))).isNegative();
    assertThat(ValueOrder.cmp(str("ab"), str("b"))).isNegative();
    assertThat(ValueOrder.cmp(str("ab"), str("a"))).isPositive();
    assertThat(ValueOrder.cmp(blob(0x80), blob(0x7f))).isPositive(); // unsigned bytes
  }

  @Test
  void lists_compare_element_by_element_and_a_shorter_prefix_comes_first() {
    assertThat(ValueOrder.cmp(list(integer(1), integer(9)), list(integer(2)))).isNegative();
    assertThat(ValueOrder.cmp(list(integer(1)), list(integer(1), integer(0)))).isNegative();
    assertThat(ValueOrder.cmp(list(), list(new Val.Nil()))).isNegative();
  }

  @Test
  void maps_compare_their_size_before_their_entries() {
    Val small = map(integer(9), integer(9));
    Val large = map(integer(1), integer(1), integer(2), integer(2));

    assertThat(ValueOrder.cmp(small, large)).isNegative();
    assertThat(ValueOrder.cmp(map(integer(1), integer(2)), map(integer(1), integer(3))))
        .isNegative();
  }

  @Test
  void a_wildcard_equals_anything_and_matches_the_rest_of_a_list() {
    Val pattern = list(str("Jim"), new Val.Wild());

    assertThat(ValueOrder.cmp(new Val.Wild(), map(integer(1), integer(1)))).isZero();
    assertThat(ValueOrder.cmp(pattern, list(str("Jim"), integer(95), integer(1)))).isZero();
    assertThat(ValueOrder.cmp(pattern, list(str("Joe"), integer(80)))).isNegative();
  }
}
