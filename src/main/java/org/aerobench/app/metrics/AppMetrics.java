package org.aerobench.app.metrics;

import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.aerobench.app.pipeline.InFlightLimiter;
import org.aerobench.app.pipeline.StageTimes;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.ReadMode;
import org.aerobench.client.SetRecords;
import org.aerobench.data.FeatureSet;

/**
 * The reference's metrics (§5: names, types; its bucket boundaries kept as a subset of finer ones,
 * {@link Buckets}) with {@code client_type} = the style name and a {@code mode} label on the two
 * whole-request histograms, plus JVM metrics. Every series of the known styles, modes and sets
 * exists before the first request ({@code initLabelValues}).
 */
public final class AppMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExpositionFormats formats = ExpositionFormats.init();

  private final Histogram predict =
      seconds("predict_duration_seconds", "Whole predict pipeline inside the server", "mode")
          .classicUpperBounds(Buckets.REQUEST)
          .register(registry);
  private final Histogram queue =
      seconds(
              "predict_queue_duration_seconds",
              "Waits for a slot: admission, a worker (pool thread, permit, async command slot) for"
                  + " each Aerospike call, an inference thread (the reply's queue_ms)",
              "mode")
          .classicUpperBounds(Buckets.REQUEST)
          .register(registry);
  private final Histogram keyExtraction =
      seconds("key_extraction_duration_seconds", "Key plan lookup (step 2)")
          .classicUpperBounds(Buckets.KEYS)
          .register(registry);
  private final Histogram readAll =
      seconds(
              "aerospike_batch_read_all_duration_seconds",
              "Aerospike read of all sets, any mode (step 3): the time its calls ran, without"
                  + " waits for a worker (those are predict_queue_duration_seconds)",
              "mode")
          .classicUpperBounds(Buckets.REQUEST)
          .register(registry);
  private final Histogram readSet =
      seconds(
              "aerospike_batch_read_set_duration_seconds",
              "One set's own batch call (per-set modes only)",
              "set_name")
          .classicUpperBounds(Buckets.SET_CALL)
          .register(registry);
  private final Histogram features =
      seconds("feature_extraction_duration_seconds", "Feature build from nccsh_adid (step 5)")
          .classicUpperBounds(Buckets.COMPUTE)
          .register(registry);
  private final Histogram inference =
      seconds("dlrm_inference_duration_seconds", "DLRM forward pass (step 5)")
          .classicUpperBounds(Buckets.COMPUTE)
          .register(registry);
  private final Histogram response =
      seconds(
              "response_build_duration_seconds",
              "Predictions list build and the reply's JSON serialisation (step 6)")
          .classicUpperBounds(Buckets.RESPONSE)
          .register(registry);
  private final Histogram foundRatio =
      Histogram.builder()
          .name("aerospike_records_found_ratio")
          .help("Records found / keys read per request")
          .labelNames("client_type")
          .classicOnly()
          .classicUpperBounds(Buckets.RATIO)
          .register(registry);
  private final Counter requests =
      Counter.builder()
          .name("predict_requests_total")
          .help("Predict requests by outcome: success, error, rejected (backpressure)")
          .labelNames("client_type", "status")
          .register(registry);
  private final Counter responses =
      Counter.builder()
          .name("http_responses_total")
          .help(
              "Every HTTP reply by route template (unmatched = no route, none = refused by Jetty"
                  + " before routing) and status code, 4xx included")
          .labelNames("route", "status")
          .register(registry);
  private final Gauge active =
      Gauge.builder()
          .name("predict_active_requests")
          .help("Predict requests admitted and not yet answered")
          .labelNames("client_type")
          .register(registry);

  /** Registers everything, pre-creating the series of the given style names. */
  public AppMetrics(Collection<String> clientTypes) {
    JvmMetrics.builder().register(registry);
    for (String ct : clientTypes) {
      for (ReadMode mode : ReadMode.values()) {
        predict.initLabelValues(ct, mode.wireName());
        queue.initLabelValues(ct, mode.wireName());
        readAll.initLabelValues(ct, mode.wireName());
      }
      for (FeatureSet set : FeatureSet.values()) {
        readSet.initLabelValues(ct, set.setName());
      }
      keyExtraction.initLabelValues(ct);
      features.initLabelValues(ct);
      inference.initLabelValues(ct);
      response.initLabelValues(ct);
      foundRatio.initLabelValues(ct);
      for (RequestOutcome outcome : RequestOutcome.values()) {
        requests.initLabelValues(ct, outcome.label());
      }
      active.initLabelValues(ct);
    }
  }

  /** The registry, for collectors added later (client stats, limiter state). */
  public PrometheusRegistry registry() {
    return registry;
  }

  public void requestStarted(String clientType) {
    active.labelValues(clientType).inc();
  }

  public void requestEnded(String clientType) {
    active.labelValues(clientType).dec();
  }

  public void count(String clientType, RequestOutcome outcome) {
    requests.labelValues(clientType, outcome.label()).inc();
  }

  /** Counts one HTTP reply (any route, any status). */
  public void countResponse(String route, int status) {
    responses.labelValues(route, Integer.toString(status)).inc();
  }

  /** Observes every stage of one successful request. */
  public void observe(
      String clientType,
      ReadMode mode,
      StageTimes times,
      Collection<SetRecords> sets,
      int found,
      int total,
      boolean inferenceRan) {
    String m = mode.wireName();
    predict.labelValues(clientType, m).observe(Unit.nanosToSeconds(times.totalNanos()));
    queue.labelValues(clientType, m).observe(Unit.nanosToSeconds(times.queueNanos()));
    keyExtraction.labelValues(clientType).observe(Unit.nanosToSeconds(times.keyExtractionNanos()));
    readAll.labelValues(clientType, m).observe(Unit.nanosToSeconds(times.aerospikeNanos()));
    for (SetRecords set : sets) {
      if (set.readNanos() >= 0) {
        readSet
            .labelValues(clientType, set.set().setName())
            .observe(Unit.nanosToSeconds(set.readNanos()));
      }
    }
    if (inferenceRan) {
      features.labelValues(clientType).observe(Unit.nanosToSeconds(times.featureNanos()));
      inference.labelValues(clientType).observe(Unit.nanosToSeconds(times.inferenceNanos()));
    }
    response.labelValues(clientType).observe(Unit.nanosToSeconds(times.responseNanos()));
    foundRatio.labelValues(clientType).observe(total == 0 ? 0.0 : (double) found / total);
  }

  /** Gauges of each style's in-flight slots and waiters, read at scrape time. */
  public void registerLimiters(Collection<InFlightLimiter> limiters) {
    GaugeWithCallback.builder()
        .name("predict_inflight_slots")
        .help(
            "Admission shared by the client styles (client_type=all): slots held (in_use),"
                + " requests waiting for one, and both bounds (limit, max_waiting)")
        .labelNames("client_type", "state")
        .callback(
            cb -> {
              for (InFlightLimiter limiter : limiters) {
                cb.call(limiter.inFlight(), limiter.scope(), "in_use");
                cb.call(limiter.waiting(), limiter.scope(), "waiting");
                cb.call(limiter.limit(), limiter.scope(), "limit");
                cb.call(limiter.maxWaiting(), limiter.scope(), "max_waiting");
              }
            })
        .register(registry);
  }

  /**
   * Saturation of the blocking styles' workers (sync pool threads, virtual permits): limit, active
   * and queued now, plus the running totals of reads and of time spent inside them, from which
   * Little's law gives a pool's bound (threads / (reads per request × mean read time)).
   */
  public void registerWorkers(Map<String, ClientStyle> styles) {
    GaugeWithCallback.builder()
        .name("aerobench_style_workers")
        .help(
            "Workers per style (sync pool threads, virtual permits, async command slots): limit,"
                + " active, queued")
        .labelNames("client_type", "state")
        .callback(
            cb ->
                styles.forEach(
                    (name, style) ->
                        style
                            .workers()
                            .ifPresent(
                                w -> {
                                  cb.call(w.limit(), name, "limit");
                                  cb.call(w.active(), name, "active");
                                  cb.call(w.queued(), name, "queued");
                                })))
        .register(registry);
    CounterWithCallback.builder()
        .name("aerobench_style_worker_busy_seconds")
        .help("Time the style's workers spent inside Aerospike calls (service time, no queue wait)")
        .labelNames("client_type")
        .callback(
            cb ->
                styles.forEach(
                    (name, style) ->
                        style.workers().ifPresent(w -> cb.call(w.busyNanos() / 1e9, name))))
        .register(registry);
    CounterWithCallback.builder()
        .name("aerobench_style_reads")
        .help("Aerospike calls the style's workers completed")
        .labelNames("client_type")
        .callback(
            cb ->
                styles.forEach(
                    (name, style) -> style.workers().ifPresent(w -> cb.call(w.reads(), name))))
        .register(registry);
  }

  /** Saturation of the executor running features, inference and the response build. */
  public void registerInferenceExecutor(ThreadPoolExecutor executor) {
    GaugeWithCallback.builder()
        .name("aerobench_inference_executor")
        .help("The inference executor: threads (limit), tasks running (active) and queued")
        .labelNames("state")
        .callback(
            cb -> {
              cb.call(executor.getMaximumPoolSize(), "limit");
              cb.call(executor.getActiveCount(), "active");
              cb.call(executor.getQueue().size(), "queued");
            })
        .register(registry);
  }

  /** GET /metrics: the text exposition the scraper asks for (Prometheus text by default). */
  public void scrape(Context ctx) throws IOException {
    ExpositionFormatWriter writer = formats.findWriter(ctx.header("Accept"));
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    writer.write(out, registry.scrape());
    ctx.contentType(writer.getContentType()).result(out.toByteArray());
  }

  private static Histogram.Builder seconds(String name, String help, String... extraLabels) {
    String[] labels = new String[extraLabels.length + 1];
    labels[0] = "client_type";
    System.arraycopy(extraLabels, 0, labels, 1, extraLabels.length);
    return Histogram.builder()
        .name(name)
        .help(help)
        .unit(Unit.SECONDS)
        .labelNames(labels)
        .classicOnly();
  }
}
