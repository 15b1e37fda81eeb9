package org.aerobench.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aerospike failures by kind: overload and unavailability are 503s, error codes are 500s. */
class ErrorMapperTest {

  private Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    ErrorMapper errors = new ErrorMapper();
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.host = "127.0.0.1";
                  config.jetty.port = 0;
                  config.routes.get(
                      "/server-error",
                      ctx -> {
                        throw new AerospikeException(
                            ResultCode.PARAMETER_ERROR, "bad batch policy");
                      });
                  config.routes.get(
                      "/timeout",
                      ctx -> {
                        throw new AerospikeException(ResultCode.TIMEOUT, "read timed out");
                      });
                  config.routes.get(
                      "/queue-full",
                      ctx -> {
                        throw new AerospikeException(ResultCode.ASYNC_QUEUE_FULL, "queue full");
                      });
                  config.routes.exception(Exception.class, errors::handle);
                })
            .start();
  }

  @AfterEach
  void stop() {
    app.stop();
    http.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_aerospike_error_code_is_a_500_naming_the_code_without_retry_after() throws Exception {
    HttpResponse<String> reply = get("/server-error");

    assertThat(reply.statusCode()).isEqualTo(500);
    assertThat(reply.headers().firstValue("Retry-After")).isEmpty();
    assertThat(reply.body())
        .contains("\"error\":\"aerospike error\"")
        .contains("\"result_code\":" + ResultCode.PARAMETER_ERROR)
        .contains("bad batch policy");
  }

  @Test
  void an_unavailable_or_overloaded_aerospike_is_a_503_with_retry_after() throws Exception {
    HttpResponse<String> timeout = get("/timeout");
    HttpResponse<String> full = get("/queue-full");

    assertThat(timeout.statusCode()).isEqualTo(503);
    assertThat(timeout.headers().firstValue("Retry-After")).contains("1");
    assertThat(timeout.body()).contains("\"error\":\"aerospike unavailable\"");
    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.headers().firstValue("Retry-After")).contains("1");
    assertThat(full.body()).contains("\"error\":\"aerospike client overloaded\"");
  }
}
