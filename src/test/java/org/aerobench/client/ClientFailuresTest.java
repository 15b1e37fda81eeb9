package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import java.util.concurrent.CompletionException;
import org.aerobench.client.ClientFailures.Kind;
import org.junit.jupiter.api.Test;

class ClientFailuresTest {

  @Test
  void full_queues_are_overload() {
    assertThat(ClientFailures.classify(new AerospikeException.AsyncQueueFull()))
        .isEqualTo(Kind.OVERLOADED);
    assertThat(ClientFailures.classify(ClientFailures.queueFull("sync pool", 10)))
        .isEqualTo(Kind.OVERLOADED);
    assertThat(ClientFailures.queueFull("sync pool", 10))
        .hasMessageContaining("sync pool queue is full (10 waiting reads)");
  }

  @Test
  void timeouts_and_connection_errors_are_unavailable_even_when_wrapped() {
    assertThat(
            ClientFailures.classify(
                new CompletionException(
                    new AerospikeException.Timeout(
                        new com.aerospike.client.policy.Policy(), true))))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(ClientFailures.classify(new AerospikeException.Connection("refused")))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(ClientFailures.classify(new AerospikeException.InvalidNode("Cluster is empty")))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(ClientFailures.classify(new AerospikeException.Backoff(ResultCode.MAX_ERROR_RATE)))
        .isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void batch_failed_wrapper_is_looked_through_to_its_cause() {
    AerospikeException cause = new AerospikeException.Connection("Connection refused");
    AerospikeException batch = new AerospikeException.BatchRecords(null, cause);

    assertThat(ClientFailures.unwrap(new CompletionException(batch))).isSameAs(cause);
    assertThat(ClientFailures.classify(batch)).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void other_errors_are_failures() {
    assertThat(ClientFailures.classify(new AerospikeException(ResultCode.PARAMETER_ERROR)))
        .isEqualTo(Kind.FAILED);
    assertThat(ClientFailures.classify(new IllegalStateException("bug"))).isEqualTo(Kind.FAILED);
  }
}
