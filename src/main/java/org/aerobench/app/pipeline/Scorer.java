package org.aerobench.app.pipeline;

import com.aerospike.client.Record;
import org.aerobench.data.RequestFixture;

/**
 * The model as the pipeline sees it, in two timed steps: {@link #prepare} builds the features
 * (reference §4.5, from the {@code nccsh_adid} records only), {@link Prepared#predict} runs the
 * forward pass. Both run on the inference executor.
 */
public interface Scorer {

  /** A name for logs and /ready (the engine's name). */
  String name();

  /**
   * Builds the features of the first {@code adidRecords.length} candidate ads.
   *
   * @param adidRecords the {@code nccsh_adid} records in candidate order; null = not found
   */
  Prepared prepare(RequestFixture fixture, Record[] adidRecords);

  /** Features ready for one forward pass. */
  interface Prepared {
    /** One score per candidate ad, in candidate order. */
    float[] predict();
  }
}
