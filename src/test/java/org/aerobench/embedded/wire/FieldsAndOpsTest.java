package org.aerobench.embedded.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsAndOpsTest {

  @Test
  void reads_namespace_set_and_digest_fields() {
    byte[] digest = new byte[20];
    digest[0] = 7;
    ByteBuffer b = ByteBuffer.allocate(100);
    field(b, Wire.FIELD_NAMESPACE, "test".getBytes(StandardCharsets.UTF_8));
    field(b, Wire.FIELD_SET, "users".getBytes(StandardCharsets.UTF_8));
    field(b, Wire.FIELD_DIGEST, digest);
    Fields f = new Fields();

    f.read(new WireReader(b.array(), 0, b.position()), 3);

    assertThat(f.namespace).isEqualTo("test");
    assertThat(f.set).isEqualTo("users");
    assertThat(f.digest).isEqualTo(digest);
  }

  @Test
  void a_field_size_past_the_message_end_is_refused() {
    ByteBuffer b = ByteBuffer.allocate(10).putInt(1_000_000).put((byte) 0).put(new byte[5]);

    assertThatExceptionOfType(WireFormatException.class)
        .isThrownBy(() -> new Fields().read(new WireReader(b.array(), 0, 10), 1))
        .withMessageContaining("field needs 1000000 bytes but only 6 remain");
  }

  @Test
  void batch_field_sized_from_the_header_after_a_filter_field_is_read_as_the_client_meant() {
    // The 9.x client counts the preceding filter field (4 + 1 + 3 bytes) in the batch field size.
    ByteBuffer b = ByteBuffer.allocate(40);
    field(b, Wire.FIELD_FILTER_EXP, new byte[] {1, 2, 3});
    byte[] batch = {0, 0, 0, 0, 9};
    b.putInt(1 + batch.length + 8).put((byte) Wire.FIELD_BATCH_INDEX).put(batch);
    Fields f = new Fields();

    f.read(new WireReader(b.array(), 0, b.position()), 2);

    assertThat(f.hasFilter).isTrue();
    assertThat(f.batchOffset).isEqualTo(8 + 5);
    assertThat(f.batchLength).isEqualTo(batch.length);
  }

  @Test
  void batch_field_overshooting_by_other_than_the_earlier_fields_is_refused() {
    ByteBuffer b = ByteBuffer.allocate(40);
    field(b, Wire.FIELD_FILTER_EXP, new byte[] {1, 2, 3});
    byte[] batch = {0, 0, 0, 0, 9};
    b.putInt(1 + batch.length + 7).put((byte) Wire.FIELD_BATCH_INDEX).put(batch);

    assertThatExceptionOfType(WireFormatException.class)
        .isThrownBy(() -> new Fields().read(new WireReader(b.array(), 0, b.position()), 2))
        .withMessageContaining("field needs 13 bytes but only 6 remain");
  }

  @Test
  void a_digest_of_the_wrong_length_is_refused() {
    ByteBuffer b = ByteBuffer.allocate(20);
    field(b, Wire.FIELD_DIGEST, new byte[10]);

    assertThatExceptionOfType(WireFormatException.class)
        .isThrownBy(() -> new Fields().read(new WireReader(b.array(), 0, b.position()), 1))
        .withMessageContaining("digest field has 10 bytes");
  }

  @Test
  void reads_an_operation_with_name_and_value_in_place() {
    ByteBuffer b = ByteBuffer.allocate(32);
    b.putInt(4 + 3 + 8).put((byte) Wire.OP_WRITE).put((byte) Wire.PARTICLE_INTEGER);
    b.put((byte) 0).put((byte) 3).put("bin".getBytes(StandardCharsets.UTF_8)).putLong(42);
    List<Op> ops = new ArrayList<>();

    Op.readAll(new WireReader(b.array(), 0, b.position()), 1, ops);

    Op op = ops.get(0);
    assertThat(op.type()).isEqualTo(Wire.OP_WRITE);
    assertThat(op.name()).isEqualTo("bin");
    assertThat(WireReader.readLong(op.buf(), op.valueOffset())).isEqualTo(42);
  }

  @Test
  void an_operation_whose_name_overruns_its_size_is_refused() {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putInt(5).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 9).put((byte) 'x');

    assertThatExceptionOfType(WireFormatException.class)
        .isThrownBy(() -> Op.read(new WireReader(b.array(), 0, b.position())))
        .withMessageContaining("name length 9 overruns its size 5");
  }

  private static void field(ByteBuffer b, int type, byte[] data) {
    b.putInt(data.length + 1).put((byte) type).put(data);
  }
}
