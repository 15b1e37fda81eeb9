package org.aerobench.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.SetKeys;

/**
 * The four read modes (reference §4.4, §7), written once over a style's {@link BatchReader}. The
 * continuations run on whichever thread completed the batch (an event loop for the async style), so
 * each one does only cheap work: wrapping arrays, slicing by position.
 */
public final class ReadModes {

  private ReadModes() {}

  /**
   * Reads the plan in the mode. The future fails with the client's exception itself (not wrapped in
   * a CompletionException).
   */
  public static CompletableFuture<LookupResult> read(
      BatchReader reader, KeyPlan plan, ReadMode mode) {
    CompletableFuture<LookupResult> stage =
        switch (mode) {
          case SINGLE -> single(reader, plan);
          case GATHER -> gather(reader, plan);
          case SEQUENTIAL -> sequential(reader, plan);
          case MERGE_GATHER -> mergeGather(reader, plan);
        };
    CompletableFuture<LookupResult> result = new CompletableFuture<>();
    stage.whenComplete(
        (lookup, failure) -> {
          if (failure != null) {
            result.completeExceptionally(ClientFailures.unwrap(failure));
          } else {
            result.complete(lookup);
          }
        });
    return result;
  }

  /**
   * One call with every key, set after set; demultiplexed by position (index ranges), never by key
   * string: nccsh_nvmid and nccsh_hconvvalue_nvmid share their key strings.
   */
  private static CompletableFuture<LookupResult> single(BatchReader reader, KeyPlan plan) {
    int batch = plan.batchSize();
    return reader
        .read(plan.allKeys())
        .thenApply(
            all -> {
              List<SetRecords> sets = new ArrayList<>(plan.sets().size());
              for (int i = 0; i < plan.sets().size(); i++) {
                sets.add(
                    new SetRecords(
                        plan.sets().get(i).set(),
                        Arrays.copyOfRange(all.records(), i * batch, (i + 1) * batch),
                        -1));
              }
              return new LookupResult(sets, List.of(all.span()));
            });
  }

  /** One call per set, all issued at once; each set's result is wrapped as it arrives. */
  @SuppressWarnings("unchecked")
  private static CompletableFuture<LookupResult> gather(BatchReader reader, KeyPlan plan) {
    CompletableFuture<TimedRecords>[] raw = new CompletableFuture[plan.sets().size()];
    CompletableFuture<SetRecords>[] perSet = new CompletableFuture[raw.length];
    for (int i = 0; i < perSet.length; i++) {
      SetKeys set = plan.sets().get(i);
      raw[i] = reader.read(set.keyArray());
      perSet[i] = raw[i].thenApply(r -> new SetRecords(set.set(), r.records(), r.callNanos()));
    }
    return CompletableFuture.allOf(perSet)
        .thenApply(
            done -> {
              List<SetRecords> sets = new ArrayList<>(perSet.length);
              List<CallSpan> calls = new ArrayList<>(perSet.length);
              for (int i = 0; i < perSet.length; i++) {
                sets.add(perSet[i].join());
                calls.add(raw[i].join().span());
              }
              return new LookupResult(sets, calls);
            });
  }

  /** One call per set, each issued when the previous one has answered. */
  private static CompletableFuture<LookupResult> sequential(BatchReader reader, KeyPlan plan) {
    List<SetRecords> sets = new ArrayList<>(plan.sets().size());
    List<CallSpan> calls = new ArrayList<>(plan.sets().size());
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (SetKeys set : plan.sets()) {
      // Each link runs after the previous one completed, so the list is appended to in order and
      // by one thread at a time (completion happens-before the dependent stage).
      chain =
          chain.thenCompose(
              previous ->
                  reader
                      .read(set.keyArray())
                      .thenAccept(
                          r -> {
                            sets.add(new SetRecords(set.set(), r.records(), r.callNanos()));
                            calls.add(r.span());
                          }));
    }
    return chain.thenApply(done -> new LookupResult(sets, calls));
  }

  /**
   * One call per set, all issued at once, with no per-set continuation: the raw arrays are merged
   * in one pass by the single completion that runs when the last set has answered.
   */
  @SuppressWarnings("unchecked")
  private static CompletableFuture<LookupResult> mergeGather(BatchReader reader, KeyPlan plan) {
    CompletableFuture<TimedRecords>[] raw = new CompletableFuture[plan.sets().size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = reader.read(plan.sets().get(i).keyArray());
    }
    return CompletableFuture.allOf(raw)
        .thenApply(
            done -> {
              List<SetRecords> sets = new ArrayList<>(raw.length);
              List<CallSpan> calls = new ArrayList<>(raw.length);
              for (int i = 0; i < raw.length; i++) {
                TimedRecords r = raw[i].join();
                sets.add(new SetRecords(plan.sets().get(i).set(), r.records(), r.callNanos()));
                calls.add(r.span());
              }
              return new LookupResult(sets, calls);
            });
  }
}
