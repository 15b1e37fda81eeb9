package org.aerobench.bench;

import java.util.List;
import org.aerobench.data.SetKeys;

/** One client style as environment A drives it: fire N identical batch reads, wait for all. */
public interface BenchClient extends AutoCloseable {

  BenchClientKind kind();

  /**
   * Fires {@code concurrency} batch reads of the same keys together and returns when all are done.
   *
   * @return one sample per call, each timed by its own caller
   * @throws BenchFailure when a call fails or does not finish in time
   */
  List<CallSample> fireTogether(SetKeys keys, int concurrency) throws InterruptedException;

  /** Releases the threads this client owns (not the shared Aerospike client). */
  @Override
  void close();
}
