package org.aerobench.embedded.cdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferU;

class MsgpackTest {

  private static Val integer(long v) {
    return new Val.Int(v);
  }

  private static Val str(String s) {
    byte[] raw = new byte[s.length() + 1];
    raw[0] = Val.STRING;
    System.arraycopy(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, raw, 1, s.length());
    return new Val.Blob(raw);
  }

  private static Val list(Val... items) {
    return new Val.Lst(0, new ArrayList<>(List.of(items)));
  }

  @Test
  void the_codec_makes_msgpack_use_its_plain_java_buffer_so_jdk_25_prints_no_unsafe_warning() {
    Msgpack.encode(integer(1));

    assertThat(System.getProperty("msgpack.universal-buffer")).isEqualTo("true");
    assertThat(MessageBuffer.wrap(new byte[8])).isInstanceOf(MessageBufferU.class);
  }

  @Test
  void headers_claiming_more_than_the_bytes_that_follow_and_deep_nesting_are_refused_unallocated() {
    byte[] hugeList = {(byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}; // 2^31-1 items
    byte[] hugeMap = {(byte) 0xdf, 0x00, 0x00, 0x00, 0x03, 1, 2, 3}; // 3 pairs in 3 bytes
    byte[] hugeBlob = {(byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 4};
    byte[] deep = new byte[Msgpack.MAX_DEPTH + 2]; // [[[...nil...]]]
    java.util.Arrays.fill(deep, (byte) 0x91);
    deep[deep.length - 1] = (byte) 0xc0;

    for (byte[] hostile : List.of(hugeList, hugeMap, hugeBlob, deep)) {
      assertThatThrownBy(() -> Msgpack.decode(hostile))
          .isInstanceOf(CdtException.class)
          .satisfies(e -> assertThat(((CdtException) e).code).isEqualTo(4)); // PARAMETER_ERROR
    }
    byte[] justDeepEnough = java.util.Arrays.copyOfRange(deep, 1, deep.length);
    assertThat(Msgpack.decode(justDeepEnough)).isInstanceOf(Val.Lst.class);
  }

  @Test
  void the_codec_keeps_order_flags_wildcard_and_infinity_through_a_round_trip() {
    Val.Lst ordered = new Val.Lst(1, new ArrayList<>(List.of(integer(1), str("x"))));
    Val.Mp keyOrdered = Val.Mp.of(1);
    keyOrdered.entries().add(new Val.Entry(str("k"), ordered));
    Val range = list(new Val.Wild(), new Val.Inf());

    Val.Mp back = (Val.Mp) Msgpack.decode(Msgpack.encode(keyOrdered));
    Val.Lst backRange = (Val.Lst) Msgpack.decode(Msgpack.encode(range));

    assertThat(back.flags()).isEqualTo(1);
    assertThat(((Val.Lst) back.entries().get(0).value).flags()).isEqualTo(1);
    assertThat(ValueOrder.cmp(back, keyOrdered)).isZero();
    assertThat(backRange.items()).containsExactly(new Val.Wild(), new Val.Inf());
  }
}
