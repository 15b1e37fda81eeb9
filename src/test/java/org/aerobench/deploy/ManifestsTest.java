package org.aerobench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s as typed fabric8 objects: every file parses, and every overlay rendered by {@code
 * kubectl kustomize} (skipped, saying so, where kubectl is missing; .ci/run installs it) holds its
 * images, ports, probes, resources and Secret references. What only a cluster can tell (the
 * operator accepting the CR, probes passing, the volume being shared) is not checked here.
 */
class ManifestsTest {

  @Test
  void every_manifest_file_parses_into_typed_kubernetes_objects() throws Exception {
    List<Path> files;
    try (Stream<Path> all = Files.walk(Manifests.K8S)) {
      files =
          all.filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
              .toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    for (Path file : files) {
      List<HasMetadata> objects = Manifests.parse(file);
      assertThat(objects).as(file.toString()).isNotEmpty();
      for (HasMetadata o : objects) {
        assertThat(o.getMetadata().getName()).as(file.toString()).isNotBlank();
        if (!o.getKind().equals("AerospikeCluster")) {
          assertThat(o)
              .as(file + ": a typed object")
              .isNotInstanceOf(GenericKubernetesResource.class);
        }
      }
    }
  }

  @Test
  void the_reference_overlay_runs_two_app_pods_at_the_reference_resources() throws Exception {
    List<HasMetadata> objects = rendered("reference");
    Deployment app = one(objects, Deployment.class, "aerobench-app");
    assertThat(app.getSpec().getReplicas()).isEqualTo(2);
    Container c = app.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getResources().getRequests())
        .containsEntry("cpu", new Quantity("4"))
        .containsEntry("memory", new Quantity("4Gi"));
    assertThat(c.getResources().getLimits())
        .containsEntry("cpu", new Quantity("8"))
        .containsEntry("memory", new Quantity("8Gi"));
    GenericKubernetesResource aerospike =
        one(objects, GenericKubernetesResource.class, "aerobench-aerospike");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>) aerospike.getAdditionalProperties().get("spec");
    assertThat(spec).containsEntry("size", 3);
    assertThat(spec.get("aerospikeConfig").toString())
        .contains("name=test")
        .contains("replication-factor=2")
        .contains("type=memory");
  }

  @Test
  void the_dev_overlay_is_smaller() throws Exception {
    Deployment app = one(rendered("dev"), Deployment.class, "aerobench-app");
    assertThat(app.getSpec().getReplicas()).isEqualTo(1);
    assertThat(
            app.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
        .containsEntry("cpu", new Quantity("1"));
  }

  @Test
  void every_overlay_probes_ports_configs_and_jobs_are_wired() throws Exception {
    for (String overlay : overlays()) {
      List<HasMetadata> objects = rendered(overlay);
      assertThat(OverlayChecks.problems(overlay, objects)).as(overlay).isEmpty();
      Deployment app = one(objects, Deployment.class, "aerobench-app");
      var pod = app.getSpec().getTemplate();
      assertThat(pod.getMetadata().getAnnotations())
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", "8080")
          .containsEntry("prometheus.io/path", "/metrics");
      Container c = pod.getSpec().getContainers().get(0);
      assertThat(c.getPorts())
          .anyMatch(p -> p.getContainerPort() == 8080 && "http".equals(p.getName()));
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
      assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();

      Service service = one(objects, Service.class, "aerobench-app");
      assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
      assertThat(pod.getMetadata().getLabels())
          .containsAllEntriesOf(service.getSpec().getSelector());

      ConfigMap config =
          objects.stream()
              .filter(
                  o ->
                      o instanceof ConfigMap
                          && o.getMetadata().getName().startsWith("aerobench-app-config"))
              .map(ConfigMap.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(config.getData().get("app.properties"))
          .isEqualTo(Files.readString(Path.of("conf/app.properties")));
      assertThat(pod.getSpec().getVolumes())
          .anyMatch(
              v ->
                  v.getConfigMap() != null
                      && v.getConfigMap().getName().equals(config.getMetadata().getName()));

      Job injectors = one(objects, Job.class, "aerobench-injectors");
      assertThat(injectors.getSpec().getCompletionMode()).isEqualTo("Indexed");
      assertThat(injectors.getSpec().getParallelism())
          .isEqualTo(injectors.getSpec().getCompletions())
          .isGreaterThanOrEqualTo(2);
      Container injector = injectors.getSpec().getTemplate().getSpec().getContainers().get(0);
      String options = env(injector, "JAVA_TOOL_OPTIONS");
      assertThat(options).contains("-DallowRemote=true").contains("-DstartAt=$(START_AT)");
      assertThat(injector.getVolumeMounts())
          .anyMatch(
              m ->
                  "/work/target/gatling".equals(m.getMountPath())
                      && m.getSubPathExpr().contains("$(JOB_COMPLETION_INDEX)"));

      Job merge = one(objects, Job.class, "aerobench-merge");
      assertThat(merge.getSpec().getSuspend()).isTrue();
      var mergeSpec = merge.getSpec().getTemplate().getSpec();
      assertThat(mergeSpec.getInitContainers().get(0).getArgs()).startsWith("compare", "--merge");
      assertThat(mergeSpec.getContainers().get(0).getArgs()).startsWith("gate");
      assertThat(
              one(objects, PersistentVolumeClaim.class, "aerobench-runs")
                  .getSpec()
                  .getAccessModes())
          .containsExactly("ReadWriteMany");
    }
  }

  @Test
  void an_overlay_without_namespace_or_images_is_named_with_what_it_lacks() throws Exception {
    // kustomize takes only relative resource paths: the overlay lives under target/.
    Path overlay = Files.createDirectories(Path.of("target/test-overlays/bare").toAbsolutePath());
    Files.writeString(
        overlay.resolve("kustomization.yaml"),
        "resources:\n  - ../../../deploy/k8s/base\nconfigMapGenerator:\n"
            + "  - name: aerobench-injector\n    literals: [startAt=0, parameters=, runName=x]\n");
    List<String> problems = OverlayChecks.problems("bare", render(overlay));

    assertThat(problems)
        .anyMatch(
            p ->
                p.equals(
                    "bare: Deployment aerobench-app has no namespace: set namespace: in the overlay"))
        .anyMatch(
            p ->
                p.startsWith(
                    "bare: Deployment aerobench-app container app has image aerobench/app: set images:"));
  }

  @Test
  void an_inline_password_or_a_foreign_target_is_refused() throws Exception {
    List<HasMetadata> objects = rendered("dev");
    Job injectors = one(objects, Job.class, "aerobench-injectors");
    Container c = injectors.getSpec().getTemplate().getSpec().getContainers().get(0);
    c.getEnv().stream()
        .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
        .forEach(e -> e.setValue("-DbaseUrl=http://someone-else:80 -DallowRemote=true"));
    Deployment app = one(objects, Deployment.class, "aerobench-app");
    app.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals("AEROSPIKE_PASSWORD"))
        .forEach(
            e -> {
              e.setValueFrom(null);
              e.setValue("hunter2");
            });

    assertThat(OverlayChecks.problems("dev", objects))
        .contains(
            "dev: Job aerobench-injectors targets http://someone-else:80, not the overlay's Service aerobench-app")
        .contains(
            "dev: Deployment aerobench-app container app env AEROSPIKE_PASSWORD must come from a secretKeyRef");
  }

  private static List<String> overlays() throws Exception {
    try (Stream<Path> dirs = Files.list(Manifests.K8S.resolve("overlays"))) {
      return dirs.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<HasMetadata> rendered(String overlay) throws Exception {
    return render(Manifests.K8S.resolve("overlays").resolve(overlay));
  }

  private static List<HasMetadata> render(Path overlay) throws Exception {
    assumeTrue(
        Manifests.kubectlAvailable(),
        "kubectl is not installed (apt-get install -y kubectl; .ci/run does): overlays not rendered");
    return Manifests.render(overlay);
  }

  private static <T extends HasMetadata> T one(
      List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .filter(o -> o.getMetadata().getName().equals(name))
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  private static String env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }
}
