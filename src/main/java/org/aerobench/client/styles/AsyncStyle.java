package org.aerobench.client.styles;

import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.policy.BatchPolicy;
import java.util.concurrent.CompletableFuture;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.Budget;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.LookupResult;
import org.aerobench.client.ReadMode;
import org.aerobench.client.ReadModes;
import org.aerobench.client.WorkerStats;
import org.aerobench.data.KeyPlan;

/**
 * {@code async}: the client's native non-blocking batch API on its event loops (NIO or Netty epoll,
 * from the settings). No thread waits for Aerospike: the future completes on an event-loop thread,
 * so callers must move heavy work elsewhere ({@code thenApplyAsync(..., executor)}). At most {@link
 * ClientSettings#asyncMaxCommands()} commands are in process at once ({@link CommandSlots}); more
 * wait in a bounded queue, past which a read fails as overloaded.
 */
public final class AsyncStyle implements ClientStyle {

  private final IAerospikeClient client;
  private final BatchPolicy policy;
  private final CommandSlots slots;
  private final WorkerClock clock = new WorkerClock();

  public AsyncStyle(AerospikeConnection connection, ClientSettings settings) {
    this.client = connection.client();
    this.policy =
        client.getBatchPolicyDefault(); // built once, from the settings, by the connection
    this.slots = new CommandSlots(settings.asyncMaxCommands(), settings.asyncCommandQueue());
  }

  @Override
  public String name() {
    return "async";
  }

  @Override
  public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode) {
    return read(plan, mode, Budget.NO_DEADLINE);
  }

  @Override
  public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode, long deadlineNanos) {
    // The policy is chosen per batch call: a sequential read's later sets get what is left.
    return ReadModes.read(
        keys -> RecordArrayFuture.get(client, policy, deadlineNanos, keys, slots, clock),
        plan,
        mode);
  }

  /** The command slots: limit, commands in process, commands waiting for a slot. */
  @Override
  public java.util.Optional<WorkerStats> workers() {
    return java.util.Optional.of(
        new WorkerStats(
            slots.limit(), slots.inUse(), slots.waiting(), clock.busyNanos(), clock.reads()));
  }

  /** Nothing to release: the event loops belong to the connection. */
  @Override
  public void close() {}
}
