package org.aerobench.app;

import java.util.HashMap;
import java.util.Map;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.config.ConfigLoader;

/** App configs for tests: defaults, a free HTTP port, and no seconds-long model JIT warm-up. */
final class TestConfigs {

  private TestConfigs() {}

  /** Defaults plus the given AEROBENCH_* overrides. */
  static AppConfig quick(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("AEROBENCH_MODEL_WARMUP", "false");
    all.putIfAbsent("AEROBENCH_HTTP_PORT", "0");
    return ConfigLoader.defaults(all);
  }

  static AppConfig quick() {
    return quick(Map.of());
  }
}
