package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@link StandInApp} in a JVM of its own, the way simulations start the real app. */
class AppProcessTest {

  @TempDir Path dir;

  private AppProcess standIn(Duration readyTimeout, String... extraArgs) throws Exception {
    int port = AppProcess.freeLoopbackPort();
    Path testClasses =
        Path.of(StandInApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", testClasses.toString(), StandInApp.class.getName()));
    command.add(Integer.toString(port));
    command.addAll(List.of(extraArgs));
    return new AppProcess(command, dir, port, readyTimeout, dir.resolve("app.log"));
  }

  @Test
  void a_ready_app_answers_and_is_stopped_on_close() throws Exception {
    AppProcess app = standIn(Duration.ofSeconds(30));
    try {
      app.start();
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(app.baseUrl() + "/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(app.isAlive()).isTrue();
      assertThat(app.cpuTime()).isPresent();
    } finally {
      app.close();
    }
    assertThat(app.isAlive()).isFalse();
    assertThat(app.logTail(5)).contains("stand-in app listening on " + app.baseUrl());
  }

  @Test
  void an_app_that_exits_stops_the_start_with_its_log_tail() throws Exception {
    AppProcess app = standIn(Duration.ofSeconds(30), "0", "3");
    assertThatThrownBy(app::start)
        .isInstanceOf(AppProcess.AppProcessException.class)
        .hasMessageContaining("exited with code 3 before /ready answered 200")
        .hasMessageContaining("stand-in app: failing on purpose")
        .hasMessageContaining(dir.resolve("app.log").toString());
    assertThat(app.isAlive()).isFalse();
  }

  @Test
  void an_app_never_ready_times_out_instead_of_hanging() throws Exception {
    // 10 s: the stand-in's own JVM must be up and answering 503 before the timeout for the last
    // answer to be "HTTP 503"; a cold JVM on a busy machine can take more than 2 s, which left a
    // ConnectException as the last answer. /ready turns 200 only after 10 min, far beyond it.
    AppProcess app = standIn(Duration.ofSeconds(10), "600000");
    assertThatThrownBy(app::start)
        .isInstanceOf(AppProcess.AppProcessException.class)
        .hasMessageContaining("not ready after 10 s")
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("raise -DreadyTimeout");
    assertThat(app.isAlive()).isFalse();
  }

  @Test
  void a_database_of_its_own_is_started_only_when_the_app_would_embed_one() throws Exception {
    Parameters params = Parameters.read(new java.util.Properties(), Parameters.COMPARED);
    java.nio.file.Files.createDirectories(dir.resolve("conf"));
    assertThat(AppProcess.appWouldStartEmbedded(params, dir, java.util.Map.of())).isTrue();
    java.nio.file.Files.writeString(dir.resolve("conf/app.properties"), "aerospike.hosts=\n");
    assertThat(AppProcess.appWouldStartEmbedded(params, dir, java.util.Map.of())).isTrue();
    java.nio.file.Files.writeString(
        dir.resolve("conf/app.properties"), "aerospike.hosts=db-1:3000\n");
    assertThat(AppProcess.appWouldStartEmbedded(params, dir, java.util.Map.of())).isFalse();
    assertThat(
            AppProcess.appWouldStartEmbedded(
                params, dir, java.util.Map.of("AEROBENCH_AEROSPIKE_HOSTS", "")))
        .isTrue();
    assertThat(
            AppProcess.appWouldStartEmbedded(
                params, dir, java.util.Map.of("AEROBENCH_AEROSPIKE_HOSTS", "127.0.0.1:3300")))
        .isFalse();
  }

  @Test
  void the_embedded_aerospike_runs_in_a_jvm_of_its_own_and_takes_its_latency() throws Exception {
    Parameters params = Parameters.read(new java.util.Properties(), Parameters.COMPARED);
    AppProcess db =
        AppProcess.embeddedServer(params, Path.of("").toAbsolutePath(), dir.resolve("db.log"));
    try {
      db.start();
      assertThat(com.aerospike.client.Info.request("127.0.0.1", db.port(), "node")).isNotBlank();
      db.injectLatency(
          new LatencyInjection(org.aerobench.embedded.Latency.fromMillis(2.0, null, null)));
      assertThat(db.cpuTime()).isPresent();
    } finally {
      db.close();
    }
    assertThat(db.isAlive()).isFalse();
  }
}
