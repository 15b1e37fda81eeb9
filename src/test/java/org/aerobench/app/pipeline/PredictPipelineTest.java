package org.aerobench.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aerobench.app.metrics.AppMetrics;
import org.aerobench.client.ClientFailures;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.LookupResult;
import org.aerobench.client.ReadMode;
import org.aerobench.client.SetRecords;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.RequestFixture;
import org.aerobench.data.SetKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's threading and stage accounting, with a test-only client style that completes its
 * reads on a thread named like an event loop, and a test-only scorer that records its threads.
 */
class PredictPipelineTest {

  private final RequestFixture fixture = Fixtures.load();
  private final ExecutorService loop =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-event-loop").factory());
  private final ExecutorService inference =
      Executors.newFixedThreadPool(2, Thread.ofPlatform().name("inference-", 0).factory());
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> scorerThreads = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    loop.shutdownNow();
    inference.shutdownNow();
    timer.shutdownNow();
  }

  /** Completes every read on the fake loop thread with nothing found. */
  private final class LoopStyle implements ClientStyle {
    @Override
    public String name() {
      return "loop";
    }

    @Override
    public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode) {
      return CompletableFuture.supplyAsync(
          () -> {
            List<SetRecords> sets = new ArrayList<>();
            for (SetKeys set : plan.sets()) {
              sets.add(new SetRecords(set.set(), new Record[set.keys().size()], 1_000));
            }
            return new LookupResult(sets);
          },
          loop);
    }

    @Override
    public void close() {}
  }

  private final Scorer recordingScorer =
      new Scorer() {
        @Override
        public String name() {
          return "recording";
        }

        @Override
        public Prepared prepare(RequestFixture f, Record[] adidRecords) {
          scorerThreads.add(Thread.currentThread().getName());
          return () -> {
            scorerThreads.add(Thread.currentThread().getName());
            float[] scores = new float[adidRecords.length];
            Arrays.fill(scores, 0.25f);
            return scores;
          };
        }
      };

  private PredictPipeline pipeline(java.util.concurrent.Executor compute) {
    return new PredictPipeline(
        new KeyPlanCache(fixture, "test"),
        Map.of("loop", new LoopStyle()),
        Map.of("loop", new InFlightLimiter("loop", 4, 4, timer)),
        recordingScorer,
        compute,
        16,
        new AppMetrics(List.of("loop")),
        new ReadHealth(2_000),
        10_000);
  }

  @Test
  void features_and_inference_never_run_on_the_thread_that_completed_the_read() throws Exception {
    PredictResponse response =
        pipeline(inference)
            .predict("loop", new PredictParams(ReadMode.GATHER, 9, 200, false))
            .get(10, TimeUnit.SECONDS);

    assertThat(scorerThreads).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("inference-"));
    assertThat(response.predictions()).hasSize(200);
    assertThat(response.predictions().get(0).score()).isEqualTo(0.25);
    assertThat(response.predictions().get(0).adId())
        .isEqualTo(fixture.candidateAds().get(0).adId());
    assertThat(response.recordsTotal()).isEqualTo(1800);
    assertThat(response.recordsFound()).isZero();
    assertThat(response.totalMs()).isGreaterThanOrEqualTo(response.aerospikeMs());
  }

  @Test
  void each_replys_stages_add_up_to_its_total_and_its_body_carries_them() throws Exception {
    PredictPipeline pipeline = pipeline(inference);
    for (boolean skip : new boolean[] {false, true}) {
      for (int i = 0; i < 20; i++) {
        PredictResponse r =
            pipeline
                .predict("loop", new PredictParams(ReadMode.GATHER, 9, 200, skip))
                .get(10, TimeUnit.SECONDS);
        double stages =
            r.keyExtractionMs()
                + r.queueMs()
                + r.aerospikeMs()
                + r.featureMs()
                + r.inferenceMs()
                + r.responseMs();
        // Seven values rounded to 1 µs each: at most 3.5 µs apart.
        assertThat(stages).isCloseTo(r.totalMs(), org.assertj.core.data.Offset.offset(0.004));
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body)
            .startsWith("{\"predictions\":[{\"adId\":")
            .contains("\"queue_ms\":" + r.queueMs(), "\"total_ms\":" + r.totalMs())
            .endsWith("\"records_total\":1800}");
      }
    }
  }

  @Test
  void skip_inference_skips_features_and_model_and_scores_zero() throws Exception {
    PredictResponse response =
        pipeline(inference)
            .predict("loop", new PredictParams(ReadMode.SINGLE, 3, 20, true))
            .get(10, TimeUnit.SECONDS);

    assertThat(scorerThreads).isEmpty();
    assertThat(response.predictions()).hasSize(20).allSatisfy(p -> assertThat(p.score()).isZero());
    assertThat(response.inferenceMs()).isZero();
    assertThat(response.featureMs()).isZero();
    assertThat(response.recordsTotal()).isEqualTo(60);
  }

  @Test
  void a_full_inference_queue_fails_the_request_as_overloaded_naming_the_limit() {
    CompletableFuture<PredictResponse> result =
        pipeline(
                task -> {
                  throw new RejectedExecutionException("full");
                })
            .predict("loop", new PredictParams(ReadMode.SINGLE, 9, 200, false));

    Throwable failure = result.handle((r, e) -> ClientFailures.unwrap(e)).join();
    assertThat(failure).isInstanceOf(OverloadedException.class);
    assertThat(((OverloadedException) failure).limit()).isEqualTo("inference.queue");
    assertThat(failure).hasMessageContaining("queue of 16 tasks is full");
  }

  @Test
  void a_failed_read_keeps_its_own_error_when_the_inference_queue_is_full() {
    AerospikeException timeout = new AerospikeException(ResultCode.TIMEOUT, "read timed out");
    ClientStyle failing =
        new ClientStyle() {
          @Override
          public String name() {
            return "failing";
          }

          @Override
          public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode) {
            return CompletableFuture.supplyAsync(
                () -> {
                  throw timeout;
                },
                loop);
          }

          @Override
          public void close() {}
        };
    PredictPipeline pipeline =
        new PredictPipeline(
            new KeyPlanCache(fixture, "test"),
            Map.of("failing", failing),
            Map.of("failing", new InFlightLimiter("failing", 4, 4, timer)),
            recordingScorer,
            task -> {
              throw new RejectedExecutionException("full");
            },
            16,
            new AppMetrics(List.of("failing")),
            new ReadHealth(2_000),
            10_000);

    Throwable failure =
        pipeline
            .predict("failing", new PredictParams(ReadMode.SINGLE, 9, 200, false))
            .handle((r, e) -> ClientFailures.unwrap(e))
            .join();

    assertThat(failure).isSameAs(timeout);
    assertThat(scorerThreads).isEmpty();
  }
}
