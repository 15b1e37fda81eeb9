package org.aerobench.model.bench;

import java.util.concurrent.TimeUnit;
import org.aerobench.model.DlrmWeights;
import org.aerobench.model.Engines;
import org.aerobench.model.Features;
import org.aerobench.model.InferenceEngine;
import org.aerobench.model.JavaDlrm;
import org.aerobench.model.SampleFeatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DLRM inference latency for one batch of 200 ads, per engine, with 1 and 2 calling threads sharing
 * one engine (as the app's inference executor does). SampleTime: JMH prints p50/p99.
 *
 * <pre>
 * bin/mvn -o -q test-compile dependency:build-classpath -DincludeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * $(bin/jdk-home)/bin/java --add-modules jdk.incubator.vector \
 *     -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.openjdk.jmh.Main DlrmBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * (exec:exec would be shorter, but the pinned exec-maven-plugin 3.7.0 needs Maven 3.9.)
 *
 * <p>With {@code -Ppytorch} added to both Maven commands and {@code -p engine=java,pytorch} to
 * JMH's arguments it runs both engines side by side; {@code -p kernels=loop,vector} compares the
 * Java engine's two kernel sets.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class DlrmBenchmark {

  /** Engine name for {@link Engines#create}; {@code pytorch} needs the -Ppytorch build. */
  @Param({"java", "scalar"})
  public String engine;

  /** Java engine kernels: auto, loop or vector (ignored by the other engines). */
  @Param({"auto"})
  public String kernels;

  /** Rows per call; the app's request carries 200 ads. */
  @Param({"200"})
  public int batch;

  private InferenceEngine model;
  private Features features;

  @Setup(Level.Trial)
  public void setUp() {
    System.setProperty(JavaDlrm.KERNELS_PROPERTY, kernels);
    model = Engines.create(engine, DlrmWeights.defaults());
    features = SampleFeatures.random(batch, 7);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  @Benchmark
  @Threads(1)
  public float[] predict_1_thread() {
    return model.predict(features);
  }

  @Benchmark
  @Threads(2)
  public float[] predict_2_threads() {
    return model.predict(features);
  }
}
