package org.cove.engine.internal.kubernetes;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code kubernetes} backend's settings (docs/configuration.md): the namespace its objects live
 * in, the URL stage pods reach Cove at, the image of the configure and publish pods, the deadline
 * of those two stages, whether finished jobs keep their pods (debugging), the job volume's storage
 * class and size, the periodic resync and the number of reconcile workers.
 */
public record KubernetesSettings(
    String namespace,
    String providerUrl,
    String helperImage,
    Duration stageTimeout,
    boolean keepObjects,
    String storageClass,
    String volumeSize,
    Duration resync,
    int workers) {

  /** busybox 1.36.1 (musl), pinned by digest: sh, wget and tar are all the stages need. */
  public static final String DEFAULT_HELPER_IMAGE =
      "docker.io/library/busybox:1.36.1@sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662";

  public static final String DEFAULT_PROVIDER_URL = "http://cove:9080";

  public static KubernetesSettings defaults(String namespace) {
    return new KubernetesSettings(
        namespace,
        DEFAULT_PROVIDER_URL,
        DEFAULT_HELPER_IMAGE,
        Duration.ofMinutes(10),
        false,
        "",
        "1Gi",
        Duration.ofMinutes(5),
        4);
  }

  /**
   * The settings as configured (docs/configuration.md), the default where a property is unset; the
   * namespace is blank where none is configured (the client's own then applies).
   */
  static KubernetesSettings from(Config config) {
    KubernetesSettings defaults = defaults("");
    return new KubernetesSettings(
        config.getOptionalValue("cove.kubernetes.namespace", String.class).orElse(""),
        config
            .getOptionalValue("cove.kubernetes.provider.url", String.class)
            .orElse(defaults.providerUrl()),
        config
            .getOptionalValue("cove.kubernetes.helper.image", String.class)
            .orElse(defaults.helperImage()),
        config
            .getOptionalValue("cove.kubernetes.stage.timeout.seconds", Long.class)
            .map(Duration::ofSeconds)
            .orElse(defaults.stageTimeout()),
        config
            .getOptionalValue("cove.kubernetes.keep.objects", Boolean.class)
            .orElse(defaults.keepObjects()),
        config
            .getOptionalValue("cove.kubernetes.storage.class", String.class)
            .orElse(defaults.storageClass()),
        config
            .getOptionalValue("cove.kubernetes.volume.size", String.class)
            .orElse(defaults.volumeSize()),
        defaults.resync(),
        Math.max(
            1,
            config
                .getOptionalValue("cove.kubernetes.workers", Integer.class)
                .orElse(defaults.workers())));
  }

  public KubernetesSettings inNamespace(String other) {
    return new KubernetesSettings(
        other,
        providerUrl,
        helperImage,
        stageTimeout,
        keepObjects,
        storageClass,
        volumeSize,
        resync,
        workers);
  }

  public KubernetesSettings withStageTimeout(Duration timeout) {
    return new KubernetesSettings(
        namespace,
        providerUrl,
        helperImage,
        timeout,
        keepObjects,
        storageClass,
        volumeSize,
        resync,
        workers);
  }

  public KubernetesSettings withKeepObjects(boolean keep) {
    return new KubernetesSettings(
        namespace,
        providerUrl,
        helperImage,
        stageTimeout,
        keep,
        storageClass,
        volumeSize,
        resync,
        workers);
  }
}
