package org.aerobench.simulations.support;

import com.aerospike.client.AerospikeException;
import java.util.List;
import org.aerobench.embedded.Latency;

/**
 * Moves the embedded Aerospike to the next latency profile between two capacity levels, through its
 * loopback-only info command {@code aerobench-latency} (the app keeps running, warm). The first
 * profile is given to {@code serve} at start.
 */
public final class LatencySwitch {

  private final CapacityPlan plan;
  private final RunHarness harness;

  public LatencySwitch(CapacityPlan plan, RunHarness harness) {
    this.plan = plan;
    this.harness = harness;
  }

  /** After the phase {@code label}: when the next level is under another profile, switch to it. */
  public void beforeNext(String label) {
    List<String> labels = plan.labels();
    int index = labels.indexOf(label);
    if (index < 0 || index + 1 >= labels.size()) {
      return;
    }
    int perProfile = plan.rates().size();
    int profileNow = index / perProfile;
    int profileNext = (index + 1) / perProfile;
    if (profileNow == profileNext) {
      return;
    }
    CapacityPlan.Profile next = plan.profiles().get(profileNext);
    String reply;
    try {
      reply = harness.setLatency(next.latency());
    } catch (AerospikeException | IllegalStateException e) {
      throw new IllegalStateException(
          "could not switch the embedded Aerospike to profile " + next.name() + ": " + e, e);
    }
    System.out.println("aerobench: latency profile now " + next.name() + " (" + reply + ")");
  }

  /** The info command that sets {@code latency} on every node. */
  static String command(Latency latency) {
    return "aerobench-latency:" + NodeLatencies.commandParameters(latency);
  }
}
