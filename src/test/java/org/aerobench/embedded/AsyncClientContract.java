package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRead;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.async.EventLoops;
import com.aerospike.client.listener.BatchListListener;
import com.aerospike.client.listener.DeleteListener;
import com.aerospike.client.listener.RecordArrayListener;
import com.aerospike.client.listener.RecordListener;
import com.aerospike.client.listener.WriteListener;
import com.aerospike.client.policy.ClientPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The async client paths, run once per event-loop kind by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsyncClientContract {

  static final String NS = "test";
  EmbeddedAerospike server;
  EventLoops eventLoops;
  AerospikeClient client;

  abstract EventLoops createEventLoops();

  abstract void closeEventLoops();

  @BeforeAll
  void start() {
    ClientLog.capture();
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    eventLoops = createEventLoops();
    ClientPolicy policy = new ClientPolicy();
    policy.eventLoops = eventLoops;
    policy.tendInterval = 50;
    policy.timeout = 5_000;
    client = new AerospikeClient(policy, new Host(server.host(), server.port()));
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close();
    }
    closeEventLoops();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void async_client_stays_connected_through_tends_without_errors() throws Exception {
    Thread.sleep(400);
    assertThat(client.getNodes()).hasSize(1);
    assertThat(client.getNodes()[0].isActive()).isTrue();
    assertThat(ClientLog.problems()).isEmpty();
  }

  @Test
  void async_put_get_operate_and_delete_behave_like_a_server() throws Exception {
    Key key = new Key(NS, "async", "k1");
    CompletableFuture<Void> put = new CompletableFuture<>();
    client.put(
        eventLoops.next(), writeListener(put), null, key, new Bin("a", 1), new Bin("s", "x"));
    put.get(5, TimeUnit.SECONDS);

    Record got = get(key);
    CompletableFuture<Record> op = new CompletableFuture<>();
    client.operate(
        eventLoops.next(),
        recordListener(op),
        null,
        key,
        Operation.add(new Bin("a", 2)),
        Operation.get("a"));
    Record operated = op.get(5, TimeUnit.SECONDS);
    CompletableFuture<Boolean> deleted = new CompletableFuture<>();
    client.delete(eventLoops.next(), deleteListener(deleted), null, key);

    assertThat(got.getLong("a")).isEqualTo(1);
    assertThat(got.getString("s")).isEqualTo("x");
    assertThat(operated.getLong("a")).isEqualTo(3);
    assertThat(operated.generation).isEqualTo(2);
    assertThat(deleted.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(get(key)).isNull();
  }

  @Test
  void async_batch_get_reports_found_and_missing_keys_across_sets() throws Exception {
    List<Key> keys = new ArrayList<>();
    for (String set : List.of("as1", "as2", "as3")) {
      for (int i = 0; i < 40; i++) {
        Key key = new Key(NS, set, i);
        keys.add(key);
        if (i % 3 != 0) {
          client.put(null, key, new Bin("i", i), new Bin("set", set));
        }
      }
    }
    Key[] array = keys.toArray(new Key[0]);
    CompletableFuture<Record[]> batch = new CompletableFuture<>();
    client.get(eventLoops.next(), arrayListener(batch), null, array);

    Record[] records = batch.get(5, TimeUnit.SECONDS);

    for (int k = 0; k < array.length; k++) {
      int i = k % 40;
      if (i % 3 != 0) {
        assertThat(records[k].getLong("i")).isEqualTo(i);
        assertThat(records[k].getString("set")).isEqualTo(array[k].setName);
      } else {
        assertThat(records[k]).isNull();
      }
    }
  }

  @Test
  void async_batch_read_list_sets_result_codes() throws Exception {
    Key found = new Key(NS, "asl", "found");
    client.put(null, found, new Bin("a", 1));
    List<BatchRead> reads =
        List.of(new BatchRead(found, true), new BatchRead(new Key(NS, "asl", "none"), true));
    CompletableFuture<List<BatchRead>> done = new CompletableFuture<>();
    client.get(
        eventLoops.next(),
        new BatchListListener() {
          @Override
          public void onSuccess(List<BatchRead> records) {
            done.complete(records);
          }

          @Override
          public void onFailure(AerospikeException e) {
            done.completeExceptionally(e);
          }
        },
        null,
        reads);

    List<BatchRead> result = done.get(5, TimeUnit.SECONDS);

    assertThat(result.get(0).resultCode).isEqualTo(ResultCode.OK);
    assertThat(result.get(0).record.getLong("a")).isEqualTo(1);
    assertThat(result.get(1).resultCode).isEqualTo(ResultCode.KEY_NOT_FOUND_ERROR);
  }

  @Test
  void async_scan_returns_every_record_of_the_set() throws Exception {
    for (int i = 0; i < 25; i++) {
      client.put(null, new Key(NS, "ascan", i), new Bin("i", i));
    }
    java.util.Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CompletableFuture<Void> done = new CompletableFuture<>();
    client.scanAll(
        eventLoops.next(),
        new com.aerospike.client.listener.RecordSequenceListener() {
          @Override
          public void onRecord(Key key, Record record) {
            seen.add(record.getLong("i"));
          }

          @Override
          public void onSuccess() {
            done.complete(null);
          }

          @Override
          public void onFailure(AerospikeException e) {
            done.completeExceptionally(e);
          }
        },
        null,
        NS,
        "ascan");

    done.get(5, TimeUnit.SECONDS);
    assertThat(seen).hasSize(25);
  }

  private Record get(Key key) throws Exception {
    CompletableFuture<Record> f = new CompletableFuture<>();
    client.get(eventLoops.next(), recordListener(f), null, key);
    return f.get(5, TimeUnit.SECONDS);
  }

  private static WriteListener writeListener(CompletableFuture<Void> f) {
    return new WriteListener() {
      @Override
      public void onSuccess(Key key) {
        f.complete(null);
      }

      @Override
      public void onFailure(AerospikeException e) {
        f.completeExceptionally(e);
      }
    };
  }

  private static RecordListener recordListener(CompletableFuture<Record> f) {
    return new RecordListener() {
      @Override
      public void onSuccess(Key key, Record record) {
        f.complete(record);
      }

      @Override
      public void onFailure(AerospikeException e) {
        f.completeExceptionally(e);
      }
    };
  }

  private static DeleteListener deleteListener(CompletableFuture<Boolean> f) {
    return new DeleteListener() {
      @Override
      public void onSuccess(Key key, boolean existed) {
        f.complete(existed);
      }

      @Override
      public void onFailure(AerospikeException e) {
        f.completeExceptionally(e);
      }
    };
  }

  private static RecordArrayListener arrayListener(CompletableFuture<Record[]> f) {
    return new RecordArrayListener() {
      @Override
      public void onSuccess(Key[] keys, Record[] records) {
        f.complete(records);
      }

      @Override
      public void onFailure(AerospikeException e) {
        f.completeExceptionally(e);
      }
    };
  }
}
