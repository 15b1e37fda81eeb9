package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.WritePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Policy.readTouchTtlPercent}: a read near a record's end of life resets its TTL. */
class ReadTouchTtlTest {

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
  void a_read_within_the_percentage_of_the_end_of_life_resets_the_ttl_but_not_the_generation()
      throws Exception {
    Key touched = new Key("test", "touch", 1);
    Key untouched = new Key("test", "touch", 2);
    WritePolicy tenSeconds = new WritePolicy();
    tenSeconds.expiration = 10;
    client.put(tenSeconds, touched, new Bin("a", 1));
    client.put(tenSeconds, untouched, new Bin("a", 1));
    Policy ninety = new Policy();
    ninety.readTouchTtlPercent = 90; // touch once less than 90% of the 10 s is left
    Policy never = new Policy();
    never.readTouchTtlPercent = -1;

    Thread.sleep(2_100);
    client.get(ninety, touched);
    client.get(never, untouched);
    Record afterTouch = client.get(never, touched);
    Record withoutTouch = client.get(never, untouched);

    assertThat(afterTouch.getTimeToLive()).isBetween(9, 10);
    assertThat(afterTouch.generation).isEqualTo(1);
    assertThat(withoutTouch.getTimeToLive()).isBetween(6, 8);
  }

  @Test
  void a_read_that_asks_for_the_default_uses_the_namespace_default_read_touch_ttl_pct()
      throws Exception {
    EmbeddedConfig config =
        EmbeddedConfig.defaults()
            .withNamespacePolicy(NamespacePolicy.defaults().withDefaultReadTouchTtlPct(90));
    try (EmbeddedAerospike touching = EmbeddedAerospike.start(config);
        AerospikeClient c = new AerospikeClient(touching.host(), touching.port())) {
      Key key = new Key("test", "touch", 3);
      WritePolicy tenSeconds = new WritePolicy();
      tenSeconds.expiration = 10;
      c.put(tenSeconds, key, new Bin("a", 1));
      Policy never = new Policy();
      never.readTouchTtlPercent = -1;

      Thread.sleep(2_100);
      c.get(null, key); // readTouchTtlPercent 0: the namespace's 90

      assertThat(c.get(never, key).getTimeToLive()).isBetween(9, 10);
    }
  }
}
