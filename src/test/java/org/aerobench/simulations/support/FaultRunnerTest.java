package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.cluster.FaultSchedule;
import org.aerobench.report.run.FaultEvent;
import org.junit.jupiter.api.Test;

class FaultRunnerTest {

  /** A cluster on paper: records every (port, command) and answers like the contract says. */
  private static final class FakeCluster implements ClusterControl.InfoChannel {
    final List<String> sent = new ArrayList<>();
    final List<Integer> silent = new ArrayList<>();
    final List<Integer> lost = new ArrayList<>();

    synchronized int sentCount() {
      return sent.size();
    }

    @Override
    public synchronized String request(int port, String command) {
      sent.add(port + " " + command);
      if (silent.contains(port)) {
        throw new ClusterControl.Unreachable("connection refused");
      }
      if (lost.contains(port)) {
        throw new AerospikeException(ResultCode.TIMEOUT, "no reply in 20000 ms");
      }
      return command.contains("start=3") ? "ERROR:4:node 3 is not stopped" : "ok " + command;
    }
  }

  private static final List<Integer> PORTS = List.of(3001, 3002, 3003);

  @Test
  void eachFaultGoesToANodeThatIsUpUnfrozenAndNotItsTarget() {
    FakeCluster fake = new FakeCluster();
    ClusterControl control = new ClusterControl(PORTS, fake);
    FaultSchedule schedule = FaultSchedule.parse("stop:1@0s,freeze:2@1s+60s,start:1@2s", 3, 2);

    List<FaultEvent> events = new ArrayList<>();
    schedule.faults().forEach(f -> events.add(control.play(f, System.currentTimeMillis())));

    assertThat(fake.sent)
        .containsExactly(
            "3002 aerobench-cluster:stop=1",
            // node 1 is stopped: the freeze of node 2 goes to node 3
            "3003 aerobench-cluster:freeze=2;ms=60000",
            // node 2 is frozen, node 1 stopped and the target
            "3003 aerobench-cluster:start=1");
    assertThat(events).extracting(FaultEvent::viaNode).containsExactly(2, 3, 3);
    assertThat(events).allMatch(FaultEvent::ok);
    assertThat(events.get(1).label()).isEqualTo("freeze node 2 for 60 s");
  }

  @Test
  void aNodeThatDoesNotAnswerIsPassedOverForTheNext() {
    FakeCluster fake = new FakeCluster();
    fake.silent.add(3001);
    ClusterControl control = new ClusterControl(PORTS, fake);

    FaultEvent event = control.play(FaultSchedule.parse("stop:2@0s", 3, 2).faults().get(0), 0);

    assertThat(fake.sent)
        .containsExactly("3001 aerobench-cluster:stop=2", "3003 aerobench-cluster:stop=2");
    assertThat(event.viaNode()).isEqualTo(3);
    assertThat(event.ok()).isTrue();
  }

  @Test
  void aCommandThatReachedANodeIsNotSentAgainWhenItsReplyIsLost() {
    FakeCluster fake = new FakeCluster();
    fake.lost.add(3001);
    ClusterControl control = new ClusterControl(PORTS, fake);

    FaultEvent event = control.play(FaultSchedule.parse("stop:2@0s", 3, 2).faults().get(0), 0);

    assertThat(fake.sent).containsExactly("3001 aerobench-cluster:stop=2");
    assertThat(event.ok()).isFalse();
    assertThat(event.viaNode()).isEqualTo(1);
    assertThat(event.reply())
        .isEqualTo("sent, but no reply from node 1: Error 9: no reply in 20000 ms");
  }

  @Test
  void aRefusedOrUnsendableFaultIsRecordedWithItsReplyNotThrown() {
    FakeCluster fake = new FakeCluster();
    fake.silent.addAll(List.of(3001, 3002));
    ClusterControl control = new ClusterControl(PORTS, fake);

    FaultEvent unsent = control.play(FaultSchedule.parse("stop:3@0s", 3, 2).faults().get(0), 0);

    assertThat(unsent.ok()).isFalse();
    assertThat(unsent.viaNode()).isZero();
    assertThat(unsent.reply()).startsWith("not sent: node 1 (port 3001): ").contains("node 2");
    assertThat(unsent.label()).isEqualTo("stop node 3 (FAILED)");
  }

  @Test
  void aLatencyCommandGoesToAnyNodeAndAnErrorReplyIsThrownBeforeTheLoad() {
    FakeCluster fake = new FakeCluster();
    ClusterControl control = new ClusterControl(PORTS, fake);

    // (the latency command answers with what it set; the fake answers "ok ..." to everything)
    assertThat(control.send("aerobench-latency:node=3;fixed-ms=5"))
        .isEqualTo("ok aerobench-latency:node=3;fixed-ms=5");
    assertThat(fake.sent).containsExactly("3001 aerobench-latency:node=3;fixed-ms=5");
    assertThatThrownBy(() -> control.send("aerobench-cluster:start=3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ERROR:4:node 3 is not stopped");
  }

  @Test
  void theRunnerPlaysEachFaultAtItsOffsetAndRecordsTheOnesTheLoadEndedBefore() throws Exception {
    FakeCluster fake = new FakeCluster();
    FaultRunner runner =
        new FaultRunner(
            FaultSchedule.parse("stop:2@0ms,start:2@100ms,stop:3@60m", 3, 2),
            new ClusterControl(PORTS, fake));
    long start = System.currentTimeMillis();

    runner.start(start);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fake.sentCount() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<FaultEvent> events = runner.stop();

    assertThat(events).hasSize(3);
    assertThat(events.get(0).ok()).isTrue();
    assertThat(events.get(1).offsetMillis()).isGreaterThanOrEqualTo(100);
    assertThat(events.get(1).epochMillis()).isGreaterThanOrEqualTo(start + 100);
    assertThat(events.get(2).ok()).isFalse();
    assertThat(events.get(2).epochMillis()).isEqualTo(-1);
    assertThat(events.get(2).reply()).startsWith("not played: the load ended at");
  }
}
