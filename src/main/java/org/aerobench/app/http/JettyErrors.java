package org.aerobench.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any route runs (URI too long 414, headers too large 431,
 * a bad request line or HTTP version 400, ...), in the app's JSON shape {@code {"error", "status",
 * "message", "rule"}} instead of Jetty's HTML page, and counted like every other reply. Set on the
 * server through Javalin's jetty config ({@link AppServer}).
 */
final class JettyErrors extends ErrorHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpField CONTENT_TYPE =
      new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

  private final int maxHeaderBytes;
  private final IntConsumer counter;

  /**
   * @param maxHeaderBytes Jetty's request header bound (request line included), quoted in the rule
   * @param counter told the status of every reply written here
   */
  JettyErrors(int maxHeaderBytes, IntConsumer counter) {
    this.maxHeaderBytes = maxHeaderBytes;
    this.counter = counter;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    counter.accept(code);
    response.getHeaders().put(CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** The reply to a request Jetty could not even parse into a request. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    counter.accept(status);
    fields.put(CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  private byte[] body(int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", HttpStatus.getMessage(code));
    body.put("status", code);
    body.put("message", Echo.truncated(message == null ? HttpStatus.getMessage(code) : message));
    String rule = rule(code);
    if (rule != null) {
      body.put("rule", rule);
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  private String rule(int code) {
    return switch (code) {
      case HttpStatus.URI_TOO_LONG_414 ->
          "the request line (method, path and query) must fit in " + maxHeaderBytes + " bytes";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
          "the request line and headers together must fit in " + maxHeaderBytes + " bytes";
      case HttpStatus.BAD_REQUEST_400 ->
          "a request line 'METHOD /path?query HTTP/1.1' with a valid URI, then valid headers";
      case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> "HTTP/1.0 or HTTP/1.1";
      default -> null;
    };
  }
}
