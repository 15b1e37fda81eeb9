package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.aerobench.data.CandidateAd;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.RequestFixture;
import org.aerobench.data.SetKeys;
import org.aerobench.report.envA.ComboResult;
import org.junit.jupiter.api.Test;

class ClientBenchRunnerTest {

  private static final RequestFixture FIXTURE =
      new RequestFixture(
          306962,
          "BCOOKIE",
          25,
          "U",
          IntStream.range(0, 20)
              .mapToObj(i -> new CandidateAd("ad" + i, "grp" + i, "c" + i, "mid" + i))
              .toList());

  private static BenchSettings settings(boolean interleave, boolean shuffleKeys) {
    return new BenchSettings(
        List.of("sync", "async", "virtual"),
        List.of(FeatureSet.NCCSH_ADID, FeatureSet.NCCSH_CAMPAIGNID),
        List.of(5, 20),
        3,
        4,
        2,
        interleave,
        shuffleKeys,
        42);
  }

  @Test
  void interleaved_order_shuffles_clients_within_each_set_and_batch_and_repeats_with_the_seed() {
    List<ComboKey> order = ClientBenchRunner.order(settings(true, true), new Random(7));

    assertThat(order).hasSize(12);
    for (int block = 0; block < 4; block++) {
      List<ComboKey> group = order.subList(block * 3, block * 3 + 3);
      assertThat(group)
          .extracting(ComboKey::client)
          .containsExactlyInAnyOrder("sync", "async", "virtual");
      assertThat(group).extracting(ComboKey::set).containsOnly(group.get(0).set());
      assertThat(group).extracting(ComboKey::batchSize).containsOnly(group.get(0).batchSize());
    }
    assertThat(ClientBenchRunner.order(settings(true, true), new Random(7))).isEqualTo(order);
    List<List<String>> blockOrders = new ArrayList<>();
    for (int block = 0; block < 4; block++) {
      blockOrders.add(
          order.subList(block * 3, block * 3 + 3).stream().map(ComboKey::client).toList());
    }
    assertThat(blockOrders.stream().distinct().count())
        .as("client orders of the blocks")
        .isGreaterThan(1);
  }

  @Test
  void without_interleave_each_client_runs_all_its_combinations_in_turn() {
    List<ComboKey> order = ClientBenchRunner.order(settings(false, true), new Random(7));

    assertThat(order.subList(0, 4)).extracting(ComboKey::client).containsOnly("sync");
    assertThat(order.subList(0, 4))
        .containsExactly(
            new ComboKey("sync", FeatureSet.NCCSH_ADID, 5),
            new ComboKey("sync", FeatureSet.NCCSH_ADID, 20),
            new ComboKey("sync", FeatureSet.NCCSH_CAMPAIGNID, 5),
            new ComboKey("sync", FeatureSet.NCCSH_CAMPAIGNID, 20));
  }

  @Test
  void each_combination_warms_up_then_measures_concurrency_times_iterations_calls()
      throws InterruptedException {
    Map<BenchClientKind, RecordingClient> fakes = new EnumMap<>(BenchClientKind.class);
    for (String arm : settings(true, true).clients()) {
      fakes.put(BenchArguments.kindOf(arm), new RecordingClient(BenchArguments.kindOf(arm)));
    }
    StringWriter progress = new StringWriter();

    List<ComboResult> outcomes =
        new ClientBenchRunner(
                settings(true, true),
                FIXTURE,
                "test",
                Map.copyOf(fakes),
                new PrintWriter(progress, true))
            .run();

    assertThat(outcomes).hasSize(12);
    assertThat(outcomes.subList(0, 3))
        .extracting(ComboResult::client, ComboResult::set, ComboResult::batchSize)
        .as("results read set by set, batch by batch, clients in the given order")
        .containsExactly(
            tuple("sync", "nccsh_adid", 5),
            tuple("async", "nccsh_adid", 5),
            tuple("virtual", "nccsh_adid", 5));
    for (RecordingClient fake : fakes.values()) {
      // 4 combinations each, 2 warm-up + 4 measured firings per combination.
      assertThat(fake.firings).hasSize(4 * (2 + 4));
    }
    ComboResult first = outcomes.get(0);
    assertThat(first.concurrency()).isEqualTo(3);
    assertThat(first.iterations()).isEqualTo(4);
    // The fake finds every other key of what it was asked for.
    assertThat(outcomes)
        .allSatisfy(
            o -> assertThat(o.foundRatio()).isEqualTo(o.batchSize() / 2 / (double) o.batchSize()));
    assertThat(outcomes).allSatisfy(o -> assertThat(o.tps()).isPositive());
    assertThat(progress.toString()).contains("\r[").contains("combo ");
  }

  @Test
  void an_aa_arm_runs_through_its_clients_one_instance_and_is_reported_under_its_own_name()
      throws InterruptedException {
    RecordingClient fake = new RecordingClient(BenchClientKind.SYNC);
    BenchSettings aa =
        new BenchSettings(
            BenchArguments.parseClients(List.of("sync", "sync")),
            List.of(FeatureSet.NCCSH_ADID),
            List.of(5),
            2,
            3,
            1,
            true,
            true,
            1);

    List<ComboResult> outcomes =
        new ClientBenchRunner(
                aa,
                FIXTURE,
                "test",
                Map.of(BenchClientKind.SYNC, fake),
                new PrintWriter(new StringWriter(), true))
            .run();

    assertThat(outcomes).extracting(ComboResult::client).containsExactly("sync", "sync#2");
    assertThat(fake.firings).hasSize(2 * (1 + 3));
  }

  @Test
  void measured_iterations_read_a_shuffled_permutation_of_the_set_keys_warmup_reads_them_in_order()
      throws InterruptedException {
    RecordingClient fake = new RecordingClient(BenchClientKind.SYNC);
    BenchSettings one =
        new BenchSettings(
            List.of("sync"),
            List.of(FeatureSet.NCCSH_ADID_CHANNELID),
            List.of(20),
            2,
            3,
            1,
            true,
            true,
            1);

    new ClientBenchRunner(
            one,
            FIXTURE,
            "test",
            Map.of(BenchClientKind.SYNC, fake),
            new PrintWriter(new StringWriter(), true))
        .run();

    List<String> inOrder = IntStream.range(0, 20).mapToObj(i -> "ad" + i + "_306962").toList();
    assertThat(fake.firings.get(0)).isEqualTo(inOrder);
    for (List<String> measured : fake.firings.subList(1, 4)) {
      assertThat(measured).containsExactlyInAnyOrderElementsOf(inOrder).isNotEqualTo(inOrder);
    }
    assertThat(fake.setNames).containsOnly("nccsh_adid_channelid");
  }

  /** Records the user keys of every firing; finds half of the keys; each call takes 1 ms. */
  private static final class RecordingClient implements BenchClient {
    private final BenchClientKind kind;
    private final List<List<String>> firings = new ArrayList<>();
    private final List<String> setNames = new ArrayList<>();

    RecordingClient(BenchClientKind kind) {
      this.kind = kind;
    }

    @Override
    public BenchClientKind kind() {
      return kind;
    }

    @Override
    public List<CallSample> fireTogether(SetKeys keys, int concurrency) {
      firings.add(keys.keys().stream().map(k -> k.userKey.toString()).toList());
      keys.keys().stream().map(k -> k.setName).distinct().forEach(setNames::add);
      int size = keys.keys().size();
      return IntStream.range(0, concurrency)
          .mapToObj(i -> new CallSample(1_000_000, size / 2, size))
          .toList();
    }

    @Override
    public void close() {}
  }
}
