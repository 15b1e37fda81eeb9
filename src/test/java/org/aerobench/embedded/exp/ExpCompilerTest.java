package org.aerobench.embedded.exp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.exp.Exp;
import com.aerospike.client.exp.MapExp;
import com.aerospike.client.query.RegexFlag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.wire.Wire;
import org.junit.jupiter.api.Test;

class ExpCompilerTest {

  private static final RecordMeta META =
      new RecordMeta(new byte[20], "set", null, 0, System.currentTimeMillis(), 64);

  private static CompiledExp compile(Exp exp) throws ExpException {
    byte[] b = Exp.build(exp).getBytes();
    return ExpCompiler.compile(b, 0, b.length);
  }

  private static Value eval(Exp exp, Bin... bins) throws ExpException {
    return compile(exp).eval(List.of(bins), META);
  }

  private static void assertRefused(int code, Exp exp) {
    assertThatExceptionOfType(ExpException.class)
        .isThrownBy(() -> compile(exp))
        .satisfies(e -> assertThat(e.resultCode()).isEqualTo(code));
  }

  private static Bin str(String name, String v) {
    return Bin.of(name, Wire.PARTICLE_STRING, v.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void headers_claiming_more_than_the_bytes_that_follow_and_deep_nesting_are_refused_unallocated() {
    byte[] hugeList = {(byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}; // 2^31-1 items
    byte[] hugeString = {(byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 3};
    byte[] deep = new byte[2 * (ExpCompiler.MAX_DEPTH + 1) + 1]; // not(not(... true))
    for (int i = 0; i < ExpCompiler.MAX_DEPTH + 1; i++) {
      deep[2 * i] = (byte) 0x92; // a list of two: the op code and its argument
      deep[2 * i + 1] = 18; // NOT
    }
    deep[deep.length - 1] = (byte) 0xc3; // true

    for (byte[] hostile : List.of(hugeList, hugeString, deep)) {
      assertThatExceptionOfType(ExpException.class)
          .isThrownBy(() -> ExpCompiler.compile(hostile, 0, hostile.length))
          .satisfies(e -> assertThat(e.resultCode()).isEqualTo(Wire.RESULT_PARAMETER_ERROR));
    }
  }

  @Test
  void cond_results_must_share_a_type_but_unknown_may_stand_in_for_any() throws Exception {
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.cond(Exp.val(true), Exp.val(1), Exp.val("one")));
    assertThat(compile(Exp.cond(Exp.val(false), Exp.unknown(), Exp.val(2))).type())
        .isEqualTo(ExpType.INT);
  }

  @Test
  void an_unknown_cond_condition_makes_the_cond_unknown_instead_of_falling_through()
      throws Exception {
    // Falling through would give 2.
    Exp cond =
        Exp.cond(
            Exp.eq(Exp.intBin("missing"), Exp.val(1)),
            Exp.val(1),
            Exp.val(true),
            Exp.val(2),
            Exp.val(3));

    assertThat(eval(cond)).isEqualTo(Value.UNKNOWN);
  }

  @Test
  void let_variables_are_scoped_unique_and_not_self_referencing() throws Exception {
    assertThat(eval(Exp.let(Exp.def("x", Exp.val(2)), Exp.mul(Exp.var("x"), Exp.var("x")))))
        .isEqualTo(new Value.Int(4));
    assertRefused(
        Wire.RESULT_PARAMETER_ERROR,
        Exp.let(Exp.def("x", Exp.val(1)), Exp.let(Exp.def("x", Exp.val(2)), Exp.var("x"))));
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.let(Exp.def("x", Exp.val(1)), Exp.var("y")));
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.let(Exp.def("1x", Exp.val(1)), Exp.val(1)));
  }

  @Test
  void arithmetic_refuses_mixed_or_non_numeric_arguments() {
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.add(Exp.val(1), Exp.val(1.0)));
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.mod(Exp.val(1.0), Exp.val(2.0)));
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.lscan(Exp.val(1), Exp.val(1)));
    assertRefused(Wire.RESULT_PARAMETER_ERROR, Exp.and(Exp.val(true), Exp.val(1)));
  }

  @Test
  void map_and_geo_parts_are_unsupported_not_guessed() {
    assertRefused(
        Wire.RESULT_UNSUPPORTED_FEATURE, Exp.eq(MapExp.size(Exp.mapBin("m")), Exp.val(1)));
    assertRefused(
        Wire.RESULT_UNSUPPORTED_FEATURE,
        Exp.geoCompare(Exp.geoBin("g"), Exp.geo("{\"type\":\"Point\",\"coordinates\":[0,0]}")));
  }

  @Test
  void regex_matches_extended_syntax_and_refuses_what_java_would_read_differently()
      throws Exception {
    Bin s = str("s", "abc\n");

    assertThat(eval(Exp.regexCompare("b(c|d)", RegexFlag.EXTENDED, Exp.stringBin("s")), s))
        .isEqualTo(Value.TRUE);
    // POSIX '$' is the end of the string; Java's would also match before the final newline.
    assertThat(eval(Exp.regexCompare("c$", RegexFlag.EXTENDED, Exp.stringBin("s")), s))
        .isEqualTo(Value.FALSE);
    assertRefused(
        Wire.RESULT_UNSUPPORTED_FEATURE,
        Exp.regexCompare("a\\d", RegexFlag.EXTENDED, Exp.stringBin("s")));
    assertRefused(
        Wire.RESULT_UNSUPPORTED_FEATURE,
        Exp.regexCompare("a+", RegexFlag.NONE, Exp.stringBin("s")));
  }

  @Test
  void and_decides_false_despite_unknown_but_exclusive_stops_at_unknown() throws Exception {
    Exp unknown = Exp.eq(Exp.intBin("missing"), Exp.val(1));

    assertThat(eval(Exp.and(unknown, Exp.val(false)))).isEqualTo(Value.FALSE);
    assertThat(eval(Exp.and(unknown, Exp.val(true)))).isEqualTo(Value.UNKNOWN);
    assertThat(eval(Exp.exclusive(unknown, Exp.val(true)))).isEqualTo(Value.UNKNOWN);
    assertThat(eval(Exp.exclusive(Exp.val(true), Exp.val(true), unknown))).isEqualTo(Value.FALSE);
  }
}
