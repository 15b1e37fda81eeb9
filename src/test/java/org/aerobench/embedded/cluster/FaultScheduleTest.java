package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.aerobench.embedded.cluster.Fault.Action;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

  @Test
  void aGoodScheduleGivesItsEventsInOrderWithTheirCommands() {
    FaultSchedule schedule =
        FaultSchedule.parse("stop:2@20s, start:2@40s,freeze:1@41500ms+5s,stop:3@2m", 3, 2);

    assertThat(schedule.faults())
        .containsExactly(
            new Fault(Action.STOP, 2, Duration.ofSeconds(20), Duration.ZERO),
            new Fault(Action.START, 2, Duration.ofSeconds(40), Duration.ZERO),
            new Fault(Action.FREEZE, 1, Duration.ofMillis(41500), Duration.ofSeconds(5)),
            new Fault(Action.STOP, 3, Duration.ofMinutes(2), Duration.ZERO));
    assertThat(schedule.faults())
        .extracting(Fault::command)
        .containsExactly(
            "aerobench-cluster:stop=2",
            "aerobench-cluster:start=2",
            "aerobench-cluster:freeze=1;ms=5000",
            "aerobench-cluster:stop=3");
    assertThat(schedule.faults().get(2).describe()).isEqualTo("freeze node 1 for 5s");
    assertThat(schedule.spec()).isEqualTo("stop:2@20s,start:2@40s,freeze:1@41500ms+5s,stop:3@2m");
  }

  @Test
  void aBlankScheduleHasNoFaults() {
    assertThat(FaultSchedule.parse("  ", 1, 1).isEmpty()).isTrue();
    assertThat(FaultSchedule.parse(null, 3, 2).isEmpty()).isTrue();
  }

  @Test
  void eventsAtTheSameTimeKeepTheirWrittenOrder() {
    FaultSchedule schedule = FaultSchedule.parse("stop:2@20s,stop:3@20s,start:3@20s", 3, 2);

    assertThat(schedule.faults()).extracting(Fault::node).containsExactly(2, 3, 3);
    assertThat(schedule.mostNodesDown()).isEqualTo(2);
    assertThat(schedule.someDataUnavailable()).isTrue();
  }

  @Test
  void nodesDownAtOnceBelowTheReplicationFactorKeepEveryRecordAvailable() {
    FaultSchedule schedule = FaultSchedule.parse("stop:2@20s,start:2@40s,freeze:3@41s+5s", 3, 2);

    assertThat(schedule.mostNodesDown()).isEqualTo(1);
    assertThat(schedule.someDataUnavailable()).isFalse();
  }

  @Test
  void aFreezeEndsByItselfSoTheNodeCanBeFrozenOrStoppedAgainLater() {
    FaultSchedule schedule =
        FaultSchedule.parse("freeze:1@10s+5s,freeze:1@15s+1s,stop:1@20s", 2, 1);

    assertThat(schedule.faults()).hasSize(3);
  }

  @Test
  void aFrozenNodeMayBeStoppedAsAHungNodeIsKilled() {
    FaultSchedule schedule = FaultSchedule.parse("freeze:2@10s+30s,stop:2@15s,start:2@20s", 3, 2);

    assertThat(schedule.faults()).hasSize(3);
    assertThat(schedule.mostNodesDown()).isEqualTo(1);
  }

  @Test
  void anUnknownActionIsRefusedNamingTheOptionTheEventAndTheAllowedOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@20s,kill:2@30s", 3, 2))
        .withMessage(
            "-Dfaults=stop:2@20s,kill:2@30s: event 2 'kill:2@30s': unknown action 'kill';"
                + " allowed: stop, start, freeze; e.g. stop:2@30s");
  }

  @Test
  void anEventWithoutNodeOrTimeIsRefusedWithTheShapeOfAnEvent() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop2", 3, 2))
        .withMessageContaining("event 1 'stop2'")
        .withMessageContaining("an event is <action>:<node>@<time>")
        .withMessageContaining("e.g. stop:2@20s,start:2@40s,freeze:1@60s+5s");
  }

  @Test
  void aBadTimeIsRefusedWithTheUnitsAllowed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@20 sec", 3, 2))
        .withMessageStartingWith("-Dfaults=stop:2@20 sec: event 1 'stop:2@20 sec': time '20 sec'")
        .withMessageEndingWith(
            "is not a time; use whole ms, s or m (20s, 1500ms, 2m; a bare number is s); e.g."
                + " stop:2@20s");
  }

  @Test
  void aNodeOutsideTheClusterIsRefusedWithItsRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:4@20s", 3, 2))
        .withMessage(
            "-Dfaults=stop:4@20s: event 1 'stop:4@20s': node '4' is outside 1..3 (-Dnodes=3;"
                + " nodes are numbered from 1); e.g. stop:3@20s");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:0@20s", 3, 2))
        .withMessageContaining("node '0' is outside 1..3");
  }

  @Test
  void aScheduleThatIsNotTimeOrderedIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@40s,start:2@20s", 3, 2))
        .withMessage(
            "-Dfaults=stop:2@40s,start:2@20s: event 2 'start:2@20s': events must be in time"
                + " order, and it comes after one at 40s; list the events by their time; e.g."
                + " stop:2@20s,start:2@40s");
  }

  @Test
  void stoppingTheLastNodeThatIsUpIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:1@10s,stop:2@20s", 2, 1))
        .withMessage(
            "-Dfaults=stop:1@10s,stop:2@20s: event 2 'stop:2@20s': it would stop the last node"
                + " that is up; keep one node up (with -Dnodes=2, at most 1 stopped at once); e.g."
                + " start:1@20s,stop:2@20s");
  }

  @Test
  void stoppingTheOnlyNodeIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:1@10s", 1, 1))
        .withMessageContaining("it would stop the last node that is up")
        .withMessageContaining("e.g. -Dnodes=2 and stop:2@20s");
  }

  @Test
  void startingANodeThatIsNotStoppedIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@10s,start:3@20s", 3, 2))
        .withMessage(
            "-Dfaults=stop:2@10s,start:3@20s: event 2 'start:3@20s': node 3 is not stopped at 20s"
                + " (only a stopped node can be started); stop it before; e.g."
                + " stop:3@20s,start:3@40s");
  }

  @Test
  void stoppingAStoppedNodeIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@10s,stop:2@20s", 3, 2))
        .withMessageContaining("node 2 is already stopped at 20s; start it first");
  }

  @Test
  void freezingAStoppedNodeIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@10s,freeze:2@20s+5s", 3, 2))
        .withMessage(
            "-Dfaults=stop:2@10s,freeze:2@20s+5s: event 2 'freeze:2@20s+5s': node 2 is stopped at"
                + " 20s and cannot be frozen; start it before; e.g. start:2@20s,freeze:2@20s+5s");
  }

  @Test
  void aFreezeWithoutItsLengthIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("freeze:1@60s", 3, 2))
        .withMessage(
            "-Dfaults=freeze:1@60s: event 1 'freeze:1@60s': a freeze needs its length,"
                + " +<duration>: the node answers again by itself after it; e.g. freeze:1@60s+5s");
  }

  @Test
  void aLengthOnAStopIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("stop:2@20s+5s", 3, 2))
        .withMessageContaining("only a freeze takes +<length>")
        .withMessageContaining("e.g. stop:2@20s");
  }

  @Test
  void freezingAFrozenNodeIsRefusedUntilItsFreezeEnds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("freeze:1@10s+5s,freeze:1@12s+1s", 3, 2))
        .withMessageContaining("node 1 is already frozen until 15s; e.g. freeze:1@15s+1s");
  }

  @Test
  void aFaultNoOtherNodeCouldCarryIsRefused() {
    // The command goes to a node that is up, unfrozen and not the target: a single node has none.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("freeze:1@10s+5s", 1, 1))
        .withMessageContaining("no other node is up and unfrozen at 10s to carry the command")
        .withMessageContaining("e.g. -Dnodes=2 with freeze:1@10s+5s");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("freeze:2@10s+30s,stop:1@20s", 2, 1))
        .withMessageContaining("event 2 'stop:1@20s': no other node is up and unfrozen at 20s")
        .withMessageContaining("e.g. stop:1@40s");
  }

  @Test
  void aReplicationFactorAboveTheNodesIsAProgrammingError() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultSchedule.parse("", 2, 3))
        .withMessageContaining("replication factor 3 is outside 1..2");
  }
}
