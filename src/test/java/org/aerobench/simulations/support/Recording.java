package org.aerobench.simulations.support;

import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.ServerTimes;

/**
 * Where the calls record what each response took: the server-measured stage times from its body,
 * and the client-side time the load generator saw, per second.
 */
public record Recording(ServerTimes server, ClientTimes client) {

  public static Recording create() {
    return new Recording(new ServerTimes(), new ClientTimes());
  }
}
