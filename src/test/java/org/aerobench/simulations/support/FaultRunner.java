package org.aerobench.simulations.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aerobench.embedded.cluster.Fault;
import org.aerobench.embedded.cluster.FaultSchedule;
import org.aerobench.report.run.FaultEvent;

/**
 * Plays {@code -Dfaults} during the load, on a daemon thread of its own: each fault at its offset
 * from the start of the measured load, through {@link ClusterControl}. Every event is recorded (and
 * printed) with its reply for the run conditions and the report's timeline; a failure to send is
 * recorded too, never thrown into Gatling, whose load goes on whatever the cluster does.
 */
public final class FaultRunner {

  private final FaultSchedule schedule;
  private final ClusterControl cluster;
  private final List<FaultEvent> played = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "aerobench-faults");
            t.setDaemon(true); // never keeps the Gatling JVM alive
            return t;
          });
  private volatile long loadStartMillis = -1;

  public FaultRunner(FaultSchedule schedule, ClusterControl cluster) {
    this.schedule = schedule;
    this.cluster = cluster;
  }

  /**
   * Schedules every fault relative to {@code loadStartMillis} (epoch ms, now or just before). Once
   * only.
   */
  public synchronized void start(long loadStartMillis) {
    if (this.loadStartMillis >= 0 || schedule.isEmpty()) {
      return;
    }
    this.loadStartMillis = loadStartMillis;
    for (Fault fault : schedule.faults()) {
      long delay = loadStartMillis + fault.at().toMillis() - System.currentTimeMillis();
      // One thread and offsets in order: events at the same offset run in the written order.
      timer.schedule(() -> play(fault), Math.max(0, delay), TimeUnit.MILLISECONDS);
    }
  }

  private void play(Fault fault) {
    FaultEvent event;
    try {
      event = cluster.play(fault, loadStartMillis);
    } catch (RuntimeException e) { // a bug here must not end the run: record it as the reply
      long now = System.currentTimeMillis();
      event =
          new FaultEvent(
              fault.at().toMillis(),
              now - loadStartMillis,
              now,
              fault.action().wireName(),
              fault.node(),
              fault.length().toMillis(),
              fault.command(),
              0,
              "not sent: " + e,
              false);
    }
    played.add(event);
    System.out.printf(
        java.util.Locale.ROOT,
        "aerobench: fault at %.1f s: %s via node %d: %s%n",
        event.offsetMillis() / 1000.0,
        event.label(),
        event.viaNode(),
        event.reply());
  }

  /**
   * Stops playing (the load ended): a fault still running finishes, bounded by the info timeouts;
   * faults not yet due are recorded as not played.
   */
  public List<FaultEvent> stop() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
        System.out.println("aerobench: WARN: a fault command was still running after 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<FaultEvent> events = new ArrayList<>(played);
    long now = System.currentTimeMillis();
    for (Fault fault : schedule.faults().subList(events.size(), schedule.faults().size())) {
      events.add(
          new FaultEvent(
              fault.at().toMillis(),
              -1,
              -1,
              fault.action().wireName(),
              fault.node(),
              fault.length().toMillis(),
              fault.command(),
              0,
              loadStartMillis < 0
                  ? "not played: the measured load never started"
                  : "not played: the load ended at " + (now - loadStartMillis) / 1000 + " s",
              false));
    }
    return List.copyOf(events);
  }
}
