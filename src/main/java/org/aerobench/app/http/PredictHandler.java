package org.aerobench.app.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.List;
import org.aerobench.app.pipeline.PredictParams;
import org.aerobench.app.pipeline.PredictPipeline;

/** GET /predict/{client}/sample: validate, hand the pipeline's future to Javalin. */
public final class PredictHandler {

  private final PredictPipeline pipeline;
  private final PredictQuery query;
  private final List<String> clientNames;

  public PredictHandler(PredictPipeline pipeline, PredictQuery query) {
    this.pipeline = pipeline;
    this.query = query;
    this.clientNames = pipeline.styles().keySet().stream().sorted().toList();
  }

  public void sample(Context ctx) {
    long arrival = System.nanoTime(); // the deadline counts from here, validation included
    String client = ctx.pathParam("client");
    if (!pipeline.styles().containsKey(client)) {
      throw new UnknownClientException(client, clientNames);
    }
    PredictParams params = query.parse(ctx.queryString());
    // The body was serialised inside the pipeline, so that total_ms covers it (ReplyJson).
    ctx.future(
        () ->
            pipeline
                .predict(client, params, arrival)
                .thenAccept(r -> ctx.contentType(ContentType.APPLICATION_JSON).result(r.body())));
  }
}
