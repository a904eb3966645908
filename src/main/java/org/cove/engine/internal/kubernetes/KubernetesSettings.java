package org.cove.engine.internal.kubernetes;

import java.time.Duration;

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
