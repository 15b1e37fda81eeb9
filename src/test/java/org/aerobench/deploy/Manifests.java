package org.aerobench.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reading manifests into typed fabric8 objects, and rendering an overlay with kubectl. */
final class Manifests {

  static final Path K8S = Path.of("deploy/k8s").toAbsolutePath();
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Manifests() {}

  /** Every object of a (multi-document) YAML file; unknown kinds as generic resources. */
  static List<HasMetadata> parse(InputStream yaml) {
    Object parsed = YAML.unmarshal(yaml);
    if (parsed instanceof List<?> list) {
      return list.stream().map(HasMetadata.class::cast).toList();
    }
    return List.of((HasMetadata) parsed);
  }

  static List<HasMetadata> parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    }
  }

  static boolean kubectlAvailable() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * {@code kubectl kustomize} of an overlay, as .ci/run renders it (the ConfigMaps come from conf/,
   * outside deploy/k8s, hence the load restrictor).
   */
  static List<HasMetadata> render(Path overlay) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "kubectl",
                "kustomize",
                "--load-restrictor",
                "LoadRestrictionsNone",
                overlay.toString())
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "kubectl kustomize " + overlay + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return parse(new java.io.ByteArrayInputStream(out));
  }
}
