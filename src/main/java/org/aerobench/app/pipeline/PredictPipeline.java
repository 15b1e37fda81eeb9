package org.aerobench.app.pipeline;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.aerobench.app.metrics.AppMetrics;
import org.aerobench.app.metrics.RequestOutcome;
import org.aerobench.client.ClientFailures;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.LookupResult;
import org.aerobench.client.SetRecords;
import org.aerobench.data.CandidateAd;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.RequestFixture;

/**
 * The predict pipeline (reference §4.4), timed per stage with System.nanoTime:
 *
 * <ol>
 *   <li>admission: an in-flight slot ({@link InFlightLimiter}, shared by the styles, never blocks),
 *       waited for at most until the request's deadline;
 *   <li>key extraction: the cached {@link KeyPlan} for (num_sets, batch_size);
 *   <li>Aerospike read through the {@link ClientStyle} in the requested mode;
 *   <li>found count; then, on the compute executor and never on the thread that completed the read
 *       (an event loop for the async style): features from {@code nccsh_adid}, inference, response
 *       build and its JSON ({@link ReplyJson}).
 * </ol>
 *
 * <p>The stages ({@link StageTimes}) follow each other without gaps and add up to the total; every
 * wait for a slot (admission, a worker for each Aerospike call, an inference thread) is {@code
 * queue}, so {@code aerospike} is only the time the calls themselves ran.
 *
 * <p>With {@code skip_inference} the features and inference steps are skipped and every score is 0.
 *
 * <p>Deadlines: each request has one, {@code request.deadline.ms} from its arrival. It is checked
 * when the request is admitted, when each Aerospike call starts (which gets the remaining time as
 * its timeout) and when the compute stage starts; past it the request is shed as overloaded (503
 * with Retry-After) at once, never served seconds late. Only the last stage (features, inference,
 * response: about a millisecond) can run past it.
 */
public final class PredictPipeline {

  /** A timeout this close to the deadline is the budget running out (client timer slack). */
  private static final long BUDGET_MARGIN_NANOS = 5_000_000;

  private final KeyPlanCache plans;
  private final Map<String, ClientStyle> styles;
  private final Map<String, InFlightLimiter> limiters;
  private final Scorer scorer;
  private final Executor compute;
  private final int computeQueue;
  private final AppMetrics metrics;
  private final ReadHealth health;
  private final long deadlineNanos;
  private final int deadlineMs;

  /**
   * @param compute bounded executor for features, inference and response build
   * @param computeQueue its queue bound, quoted when it rejects
   * @param health told every read's outcome (for /ready)
   * @param deadlineMs each request's deadline from its arrival
   */
  public PredictPipeline(
      KeyPlanCache plans,
      Map<String, ClientStyle> styles,
      Map<String, InFlightLimiter> limiters,
      Scorer scorer,
      Executor compute,
      int computeQueue,
      AppMetrics metrics,
      ReadHealth health,
      int deadlineMs) {
    this.health = health;
    this.deadlineMs = deadlineMs;
    this.deadlineNanos = deadlineMs * 1_000_000L;
    this.plans = plans;
    this.styles = Map.copyOf(styles);
    this.limiters = Map.copyOf(limiters);
    this.scorer = scorer;
    this.compute = compute;
    this.computeQueue = computeQueue;
    this.metrics = metrics;
  }

  /** Runs one request arriving now; the style name must be one of {@link #styles()}' keys. */
  public CompletableFuture<PredictResponse> predict(String clientType, PredictParams params) {
    return predict(clientType, params, System.nanoTime());
  }

  /**
   * Runs one request.
   *
   * @param arrivalNanos when the request arrived ({@link System#nanoTime()}): its deadline and its
   *     {@code total_ms} count from here
   */
  public CompletableFuture<PredictResponse> predict(
      String clientType, PredictParams params, long arrivalNanos) {
    long t0 = arrivalNanos;
    long deadline = arrivalNanos + deadlineNanos;
    ClientStyle style = styles.get(clientType);
    InFlightLimiter limiter = limiters.get(clientType);
    CompletableFuture<PredictResponse> result =
        limiter
            .acquire(deadline)
            .thenCompose(
                granted -> {
                  metrics.requestStarted(clientType);
                  CompletableFuture<PredictResponse> run;
                  try {
                    requireBefore(deadline, "admitted");
                    run = runAdmitted(style, params, t0, deadline);
                  } catch (RuntimeException e) {
                    run = CompletableFuture.failedFuture(e);
                  }
                  return run.whenComplete(
                      (r, e) -> {
                        metrics.requestEnded(clientType);
                        limiter.release();
                      });
                });
    return result.whenComplete((r, e) -> metrics.count(clientType, outcome(e)));
  }

  /** The style names this pipeline serves. */
  public Map<String, ClientStyle> styles() {
    return styles;
  }

  /** Sheds the request when its deadline has passed: a 503 now beats a 200 seconds late. */
  private void requireBefore(long deadline, String stage) {
    if (System.nanoTime() - deadline >= 0) {
      throw new OverloadedException(
          "request.deadline.ms",
          deadlineMs,
          "the request's deadline of "
              + deadlineMs
              + " ms from its arrival passed before it was "
              + stage
              + " (request.deadline.ms); retry later");
    }
  }

  /**
   * A read that timed out because it only had the rest of the request's budget is the request being
   * late (shed as overloaded), not the cluster being unreachable: /ready must not flap under
   * overload. Any other failure is returned as it is.
   */
  private Throwable shedIfBudgetRanOut(Throwable error, long deadline) {
    Throwable cause = ClientFailures.unwrap(error);
    boolean timeout =
        cause instanceof AerospikeException e && e.getResultCode() == ResultCode.TIMEOUT;
    if (timeout && System.nanoTime() - deadline >= -BUDGET_MARGIN_NANOS) {
      return new OverloadedException(
          "request.deadline.ms",
          deadlineMs,
          "the request's deadline of "
              + deadlineMs
              + " ms from its arrival passed during its Aerospike read, which had only the"
              + " remaining time (request.deadline.ms); retry later");
    }
    return error;
  }

  private CompletableFuture<PredictResponse> runAdmitted(
      ClientStyle style, PredictParams params, long t0, long deadline) {
    long k0 = System.nanoTime();
    KeyPlan plan = plans.plan(params.numSets(), params.batchSize());
    long k1 = System.nanoTime();
    CompletableFuture<LookupResult> read = style.read(plan, params.mode(), deadline);
    CompletableFuture<PredictResponse> out = new CompletableFuture<>();
    // This callback may run on an Aerospike event loop: take the time, hop, return. The hop is an
    // explicit execute() rather than thenApplyAsync(fn, compute): when a bounded executor rejects a
    // thenApplyAsync stage, the RejectedExecutionException is thrown into the completing (event
    // loop) thread and the dependent future never completes; here it becomes a 503 instead. A
    // failed read hops too: the error reply is written by whichever thread completes `out`.
    read.whenComplete(
        (lookup, readError) -> {
          long readDone = System.nanoTime();
          Throwable error = readError == null ? null : shedIfBudgetRanOut(readError, deadline);
          if (error == null) {
            health.succeeded();
          } else if (error == readError) {
            health.failed(error); // a real outage, not the request's own budget running out
          }
          try {
            compute.execute(
                () -> {
                  long c0 = System.nanoTime();
                  if (error != null) {
                    out.completeExceptionally(error);
                    return;
                  }
                  try {
                    requireBefore(deadline, "scored (it waited for an inference thread)");
                    Marks marks = new Marks(t0, k0, k1, readDone, c0);
                    out.complete(finish(style.name(), params, lookup, marks));
                  } catch (Throwable t) {
                    out.completeExceptionally(t);
                  }
                });
          } catch (RejectedExecutionException full) {
            if (error != null) {
              // The read's own failure is the answer; a full queue must not hide it. (Like the
              // 503 below, this rare error reply is then written from the completing thread.)
              out.completeExceptionally(error);
              return;
            }
            out.completeExceptionally(
                new OverloadedException(
                    "inference.queue",
                    computeQueue,
                    "the inference executor's queue of "
                        + computeQueue
                        + " tasks is full (inference.queue, inference.threads); retry later"));
          }
        });
    return out;
  }

  /**
   * The instants ({@link System#nanoTime()}) that cut a request into its stages: arrival, key
   * extraction start, read start, read done, compute start.
   */
  private record Marks(long arrival, long keyStart, long readStart, long readDone, long compute) {}

  private PredictResponse finish(
      String clientType, PredictParams params, LookupResult lookup, Marks marks) {
    int found = lookup.found();
    int total = lookup.total();
    int batch = params.batchSize();
    RequestFixture fixture = plans.fixture();

    // Each stage starts where the previous one ended, so the stages add up to the total.
    long f1 = marks.compute();
    long f2 = marks.compute();
    float[] scores = null;
    if (!params.skipInference()) {
      SetRecords adid = lookup.sets().get(0);
      if (adid.set() != FeatureSet.NCCSH_ADID || adid.records().length != batch) {
        throw new IllegalStateException(
            "lookup result starts with "
                + adid.set()
                + " x "
                + adid.records().length
                + ", expected NCCSH_ADID x "
                + batch);
      }
      Scorer.Prepared prepared = scorer.prepare(fixture, adid.records());
      f1 = System.nanoTime();
      scores = prepared.predict();
      f2 = System.nanoTime();
      if (scores.length != batch) {
        throw new IllegalStateException(
            "model returned " + scores.length + " scores for " + batch + " ads");
      }
    }

    List<CandidateAd> ads = fixture.candidateAds();
    List<Prediction> predictions = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      predictions.add(
          new Prediction(
              ads.get(i).adId(), scores == null ? 0.0 : PredictResponse.score(scores[i])));
    }
    ReplyJson json = ReplyJson.startWith(predictions);
    long r1 = System.nanoTime();

    long readNanos = marks.readDone() - marks.readStart();
    long aerospikeNanos = lookup.callNanosWithin(marks.readStart(), marks.readDone());
    long queueNanos =
        (marks.keyStart() - marks.arrival())
            + (readNanos - aerospikeNanos)
            + (marks.compute() - marks.readDone());
    StageTimes times =
        new StageTimes(
            marks.readStart() - marks.keyStart(),
            queueNanos,
            aerospikeNanos,
            f1 - marks.compute(),
            f2 - f1,
            r1 - f2,
            r1 - marks.arrival());
    metrics.observe(
        clientType, params.mode(), times, lookup.sets(), found, total, !params.skipInference());
    PredictResponse response =
        new PredictResponse(
            predictions,
            clientType,
            params.mode().wireName(),
            PredictResponse.millis(times.keyExtractionNanos()),
            PredictResponse.millis(times.queueNanos()),
            PredictResponse.millis(times.aerospikeNanos()),
            PredictResponse.millis(times.featureNanos()),
            PredictResponse.millis(times.inferenceNanos()),
            PredictResponse.millis(times.responseNanos()),
            PredictResponse.millis(times.totalNanos()),
            found,
            total,
            null);
    return response.withBody(json.finish(response));
  }

  private static RequestOutcome outcome(Throwable error) {
    if (error == null) {
      return RequestOutcome.SUCCESS;
    }
    return Failures.isOverload(error) ? RequestOutcome.REJECTED : RequestOutcome.ERROR;
  }
}
