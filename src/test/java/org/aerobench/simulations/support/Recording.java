package org.aerobench.simulations.support;

import org.aerobench.report.run.ClientErrors;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.ServerTimes;

/**
 * Where the calls record what each response took: the server-measured stage times from its body,
 * the client-side time the load generator saw (per second), and any listener of completed calls
 * (the capacity study's per-level tallies), and the found-ratio check every reply passes; failed
 * calls are also counted per second ({@link ClientErrors}), so that a fault shows as errors.
 */
public record Recording(
    ServerTimes server,
    ClientTimes client,
    ClientErrors errors,
    CallListener listener,
    FoundRatioCheck found) {

  /** Told of every completed call, OK or KO, on Gatling's thread: keep it cheap. */
  public interface CallListener {
    CallListener NONE = (name, sentMillis, endMillis, micros, ok) -> {};

    void completed(String requestName, long sentMillis, long endMillis, long micros, boolean ok);
  }

  public static Recording create() {
    return new Recording(
        new ServerTimes(),
        new ClientTimes(),
        new ClientErrors(),
        CallListener.NONE,
        FoundRatioCheck.fromSystemProperties());
  }

  /** The same sinks, also telling {@code other} of every call. */
  public Recording withListener(CallListener other) {
    return new Recording(server, client, errors, other, found);
  }

  void completed(String requestName, long sentMillis, long endMillis, long micros, boolean ok) {
    client.record(requestName, endMillis, micros);
    if (!ok) {
      errors.record(requestName, endMillis);
    }
    listener.completed(requestName, sentMillis, endMillis, micros, ok);
  }
}
