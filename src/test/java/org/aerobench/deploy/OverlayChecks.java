package org.aerobench.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every rendered overlay must hold, as problems in words naming the overlay, the object and
 * the missing value: a namespace, images the overlay set (the base's {@code aerobench/*} names are
 * placeholders), credentials only by Secret reference, injectors aimed at the overlay's own
 * Service.
 */
final class OverlayChecks {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|secret|token|credential|key).*");
  private static final Pattern BASE_URL = Pattern.compile("-DbaseUrl=(\\S+)");

  private OverlayChecks() {}

  static List<String> problems(String overlay, List<HasMetadata> objects) {
    List<String> problems = new ArrayList<>();
    for (HasMetadata o : objects) {
      String name = overlay + ": " + o.getKind() + " " + o.getMetadata().getName();
      String ns = o.getMetadata().getNamespace();
      if (ns == null || ns.isBlank() || ns.equals("default")) {
        problems.add(name + " has no namespace: set namespace: in the overlay");
      }
      podSpec(o).ifPresent(spec -> containers(spec).forEach(c -> container(name, c, problems)));
      if (o instanceof GenericKubernetesResource generic) {
        inlineCredentials(name, generic.getAdditionalProperties(), problems);
      }
    }
    Optional<Service> service =
        objects.stream().filter(Service.class::isInstance).map(Service.class::cast).findFirst();
    objects.stream()
        .filter(o -> o instanceof Job && o.getMetadata().getName().equals("aerobench-injectors"))
        .map(Job.class::cast)
        .forEach(job -> injectorTarget(overlay, job, service, problems));
    return problems;
  }

  private static void container(String name, Container c, List<String> problems) {
    String where = name + " container " + c.getName();
    String image = c.getImage();
    if (image == null || image.startsWith("aerobench/")) {
      problems.add(
          where + " has image " + image + ": set images: (newName, newTag) in the overlay");
    } else if (!image.contains("@sha256:")
        && !image.substring(image.lastIndexOf('/')).contains(":")) {
      problems.add(where + " has image " + image + " without a tag or digest");
    }
    for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
      if (SECRET_NAME.matcher(env.getName()).matches()
          && (env.getValue() != null
              || env.getValueFrom() == null
              || env.getValueFrom().getSecretKeyRef() == null)) {
        problems.add(where + " env " + env.getName() + " must come from a secretKeyRef");
      }
    }
  }

  /** A generic object (the AerospikeCluster) may name Secrets, never hold a password. */
  @SuppressWarnings("unchecked")
  private static void inlineCredentials(String name, Object node, List<String> problems) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (String.valueOf(k).toLowerCase(java.util.Locale.ROOT).contains("password")) {
              problems.add(name + " holds '" + k + "' inline: reference a Secret instead");
            }
            inlineCredentials(name, v, problems);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(v -> inlineCredentials(name, v, problems));
    }
  }

  private static void injectorTarget(
      String overlay, Job job, Optional<Service> service, List<String> problems) {
    String where = overlay + ": Job aerobench-injectors";
    if (service.isEmpty()) {
      problems.add(where + " has no Service to target in the overlay");
      return;
    }
    for (Container c : job.getSpec().getTemplate().getSpec().getContainers()) {
      String options =
          c.getEnv().stream()
              .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
              .map(EnvVar::getValue)
              .findFirst()
              .orElse("");
      Matcher m = BASE_URL.matcher(options);
      if (!m.find()) {
        problems.add(where + " passes no -DbaseUrl");
        continue;
      }
      URI target = URI.create(m.group(1));
      Service s = service.get();
      boolean ownService =
          target.getHost().equals(s.getMetadata().getName())
              && s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == target.getPort());
      if (!ownService) {
        problems.add(
            where
                + " targets "
                + target
                + ", not the overlay's Service "
                + s.getMetadata().getName());
      }
    }
  }

  static Optional<PodSpec> podSpec(HasMetadata o) {
    if (o instanceof Deployment d) {
      return Optional.of(d.getSpec().getTemplate().getSpec());
    }
    if (o instanceof Job j) {
      return Optional.of(j.getSpec().getTemplate().getSpec());
    }
    return Optional.empty();
  }

  static List<Container> containers(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.getContainers());
    if (spec.getInitContainers() != null) {
      all.addAll(spec.getInitContainers());
    }
    return all;
  }
}
