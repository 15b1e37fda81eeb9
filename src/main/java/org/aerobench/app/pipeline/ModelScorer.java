package org.aerobench.app.pipeline;

import com.aerospike.client.Record;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.data.CandidateAd;
import org.aerobench.data.RequestFixture;
import org.aerobench.model.AdInput;
import org.aerobench.model.FeatureExtractor;
import org.aerobench.model.Features;
import org.aerobench.model.InferenceEngine;
import org.aerobench.model.RequestContext;

/**
 * The real model behind {@link Scorer}: {@link FeatureExtractor} then an {@link InferenceEngine}.
 */
public final class ModelScorer implements Scorer {

  private final FeatureExtractor extractor = new FeatureExtractor();
  private final InferenceEngine engine;
  private final RequestContext context;

  public ModelScorer(InferenceEngine engine, RequestFixture fixture) {
    this.engine = engine;
    this.context =
        new RequestContext(Long.toString(fixture.channelId()), fixture.age(), fixture.gender());
  }

  @Override
  public String name() {
    return engine.name();
  }

  @Override
  public Prepared prepare(RequestFixture fixture, Record[] adidRecords) {
    List<CandidateAd> ads = fixture.candidateAds();
    List<AdInput> inputs = new ArrayList<>(adidRecords.length);
    for (int i = 0; i < adidRecords.length; i++) {
      CandidateAd ad = ads.get(i);
      Record record = adidRecords[i];
      inputs.add(
          new AdInput(
              ad.adId(), ad.adGroupId(), ad.campaignId(), record == null ? null : record.bins));
    }
    Features features = extractor.extract(inputs, context);
    return () -> engine.predict(features);
  }

  /** Runs one forward pass on a request of all-missing records, as the reference's warm-up. */
  public void warmUp(RequestFixture fixture) {
    prepare(fixture, new Record[fixture.size()]).predict();
  }

  /** Runs the engine until its JIT is warm (seconds); returns the number of calls. */
  public int warmUpEngine() {
    return engine.warmUp();
  }

  public void close() {
    engine.close();
  }
}
