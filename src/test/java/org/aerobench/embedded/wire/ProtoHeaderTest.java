package org.aerobench.embedded.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ProtoHeaderTest {

  private static ByteBuffer word(long version, long type, long size) {
    return ByteBuffer.allocate(8).putLong((version << 56) | (type << 48) | size).flip();
  }

  @Test
  void reads_version_type_and_48_bit_size() {
    ProtoHeader h = ProtoHeader.read(word(2, 3, 70_000), 1 << 20);

    assertThat(h).isEqualTo(new ProtoHeader(2, 3, 70_000));
  }

  @Test
  void rejects_unknown_message_type_and_names_it() {
    assertThatExceptionOfType(WireFormatException.class)
        .isThrownBy(() -> ProtoHeader.read(word(2, 9, 22), 1 << 20))
        .withMessageContaining("proto type 9");
  }

  @Test
  void rejects_a_size_over_the_frame_limit_before_anything_is_allocated() {
    assertThatExceptionOfType(WireFormatException.class)
        .isThrownBy(() -> ProtoHeader.read(word(2, 3, 1L << 40), 16 << 20))
        .withMessage("proto size 1099511627776 is over the frame limit 16777216");
  }

  @Test
  void encode_round_trips_through_read() {
    long encoded = ProtoHeader.encode(Wire.TYPE_INFO, 123);

    ProtoHeader h = ProtoHeader.read(ByteBuffer.allocate(8).putLong(encoded).flip(), 1000);

    assertThat(h).isEqualTo(new ProtoHeader(2, 1, 123));
  }
}
