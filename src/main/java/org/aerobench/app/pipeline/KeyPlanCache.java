package org.aerobench.app.pipeline;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.RequestFixture;

/**
 * Key plans per (num_sets, batch_size). A plan is immutable and the fixture never changes, so each
 * is built once and shared; the pipeline still times the lookup as the key-extraction stage.
 */
public final class KeyPlanCache {

  private final RequestFixture fixture;
  private final String namespace;
  private final AtomicReferenceArray<KeyPlan> plans;

  public KeyPlanCache(RequestFixture fixture, String namespace) {
    this.fixture = fixture;
    this.namespace = namespace;
    this.plans = new AtomicReferenceArray<>(FeatureSet.count() * fixture.size());
  }

  /** The plan for the given shape; arguments are validated at the HTTP edge. */
  public KeyPlan plan(int numSets, int batchSize) {
    int slot = (numSets - 1) * fixture.size() + (batchSize - 1);
    KeyPlan plan = plans.get(slot);
    if (plan == null) {
      // Two threads may both build the same immutable plan; the first stored one wins.
      plans.compareAndSet(slot, null, KeyPlan.of(fixture, namespace, numSets, batchSize));
      plan = plans.get(slot);
    }
    return plan;
  }

  public RequestFixture fixture() {
    return fixture;
  }
}
