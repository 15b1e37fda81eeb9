package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.lua.LuaInstance;
import com.aerospike.client.policy.WritePolicy;
import com.aerospike.client.util.Packer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/** Limits and result codes as a CE 8.1 server gives them, seen through the official client. */
class LimitsAndResultCodesTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start();
    client = new AerospikeClient(server.host(), server.port());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void a_record_over_max_record_size_is_refused_and_one_under_it_is_stored() {
    Key big = new Key("test", "limits", "big");
    Key fits = new Key("test", "limits", "fits");

    assertResultCode(
        () -> client.put(null, big, new Bin("b", new byte[2 << 20])), ResultCode.RECORD_TOO_BIG);
    client.put(null, fits, new Bin("b", new byte[900 * 1024]));

    assertThat(client.exists(null, big)).isFalse();
    assertThat((byte[]) client.get(null, fits).getValue("b")).hasSize(900 * 1024);
  }

  @Test
  void an_append_that_grows_a_record_past_the_limit_is_refused_and_keeps_the_old_record() {
    Key key = new Key("test", "limits", "append");
    client.put(null, key, new Bin("b", new byte[700 * 1024]));

    assertResultCode(
        () -> client.append(null, key, new Bin("b", new byte[700 * 1024])),
        ResultCode.RECORD_TOO_BIG);

    assertThat((byte[]) client.get(null, key).getValue("b")).hasSize(700 * 1024);
  }

  @Test
  void reading_a_bin_name_of_sixteen_characters_is_bin_name_too_long() {
    Key key = new Key("test", "limits", "binname");
    client.put(null, key, new Bin("a", 1));

    assertResultCode(() -> client.get(null, key, "abcdefghijklmnop"), ResultCode.BIN_NAME_TOO_LONG);
    assertThat(client.get(null, key, "abcdefghijklmno")).isNotNull(); // 15 is allowed
  }

  @Test
  void operate_without_operations_is_a_parameter_error() {
    Key key = new Key("test", "limits", "noops");
    client.put(null, key, new Bin("a", 1));

    assertResultCode(() -> client.operate(null, key), ResultCode.PARAMETER_ERROR);
  }

  @Test
  void a_value_of_an_unknown_particle_type_is_a_parameter_error_and_not_stored() {
    Key key = new Key("test", "limits", "particle");

    assertResultCode(
        () -> client.put(null, key, new Bin("a", new UnknownParticle())),
        ResultCode.PARAMETER_ERROR);
    assertThat(client.exists(null, key)).isFalse();
  }

  @Test
  void a_durable_delete_is_enterprise_only_and_leaves_the_record() {
    Key key = new Key("test", "limits", "durable");
    client.put(null, key, new Bin("a", 1));
    WritePolicy durable = new WritePolicy();
    durable.durableDelete = true;

    assertResultCode(() -> client.delete(durable, key), ResultCode.ENTERPRISE_ONLY);
    assertThat(client.exists(null, key)).isTrue();
  }

  @Test
  void a_put_of_only_null_bins_on_a_missing_record_is_key_not_found() {
    Key key = new Key("test", "limits", "nulls");

    assertResultCode(
        () -> client.put(null, key, Bin.asNull("a"), Bin.asNull("b")),
        ResultCode.KEY_NOT_FOUND_ERROR);
    assertThat(client.exists(null, key)).isFalse();
  }

  @Test
  void a_ttl_write_is_forbidden_when_nothing_would_expire_it_as_on_a_fresh_ce_namespace() {
    EmbeddedConfig ce = EmbeddedConfig.defaults().withNamespacePolicy(NamespacePolicy.ceDefaults());
    try (EmbeddedAerospike plain = EmbeddedAerospike.start(ce);
        AerospikeClient c = new AerospikeClient(plain.host(), plain.port())) {
      Key key = new Key("test", "ttl", 1);
      WritePolicy hour = new WritePolicy();
      hour.expiration = 3600;
      WritePolicy never = new WritePolicy();
      never.expiration = -1;

      assertResultCode(() -> c.put(hour, key, new Bin("a", 1)), ResultCode.FAIL_FORBIDDEN);
      c.put(never, key, new Bin("a", 2));
      c.put(null, key, new Bin("a", 3)); // 0 = default-ttl 0: never expires, allowed

      assertThat(c.get(null, key).getTimeToLive()).isEqualTo(-1);
    }
  }

  @Test
  void allow_ttl_without_nsup_accepts_a_ttl_write_with_nsup_period_zero() {
    EmbeddedConfig allow =
        EmbeddedConfig.defaults()
            .withNamespacePolicy(NamespacePolicy.ceDefaults().withAllowTtlWithoutNsup(true));
    try (EmbeddedAerospike plain = EmbeddedAerospike.start(allow);
        AerospikeClient c = new AerospikeClient(plain.host(), plain.port())) {
      Key key = new Key("test", "ttl", 2);
      WritePolicy hour = new WritePolicy();
      hour.expiration = 3600;

      c.put(hour, key, new Bin("a", 1));

      assertThat(c.get(null, key).getTimeToLive()).isBetween(3590, 3600);
    }
  }

  @Test
  void a_ttl_over_ten_years_is_a_parameter_error() {
    WritePolicy tooLong = new WritePolicy();
    tooLong.expiration = NamespacePolicy.MAX_TTL_SECONDS + 1;

    assertResultCode(
        () -> client.put(tooLong, new Key("test", "ttl", 3), new Bin("a", 1)),
        ResultCode.PARAMETER_ERROR);
  }

  @Test
  void a_namespace_default_ttl_that_nothing_would_expire_is_refused_at_start() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> new NamespacePolicy(0, false, 3600, 1 << 20, 0))
        .withMessageContaining("default-ttl 3600 needs nsup-period > 0");
  }

  private static void assertResultCode(ThrowingCallable call, int resultCode) {
    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(resultCode));
  }

  /** A value the client sends with particle type 250, which no server knows. */
  private static final class UnknownParticle extends Value {
    @Override
    public int estimateSize() {
      return 1;
    }

    @Override
    public int write(byte[] buffer, int offset) {
      buffer[offset] = 1;
      return 1;
    }

    @Override
    public void pack(Packer packer) {
      throw new UnsupportedOperationException("not packed in these tests");
    }

    @Override
    public int getType() {
      return 250;
    }

    @Override
    public Object getObject() {
      return null;
    }

    @Override
    public LuaValue getLuaValue(LuaInstance instance) {
      return LuaValue.NIL;
    }

    @Override
    public String toString() {
      return "unknown particle 250";
    }
  }
}
