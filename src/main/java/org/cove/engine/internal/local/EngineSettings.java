package org.cove.engine.internal.local;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The local engine's settings (docs/configuration.md): how algorithms are sandboxed, the user they
 * run as when Cove runs as root, their process limit, the deadline of the configure and publish
 * stages, the largest algorithm log kept, and which host binaries run which images.
 */
record EngineSettings(
    SandboxMode sandbox,
    int sandboxUid,
    int maxProcesses,
    Duration stageTimeout,
    long logMaxBytes,
    RuntimeMap runtimes) {

  static final String DEFAULT_RUNTIMES =
      "python:*=/usr/bin/python3,node:*=/usr/bin/node,alpine:*=/bin/sh,busybox:*=/bin/sh,"
          + "debian:*=/bin/sh,ubuntu:*=/bin/sh,bash:*=/bin/bash";

  /** The settings as configured (docs/configuration.md), the default where a property is unset. */
  static EngineSettings from(Config config) {
    EngineSettings defaults = defaults();
    return new EngineSettings(
        config
            .getOptionalValue("cove.local.sandbox", String.class)
            .map(SandboxMode::parse)
            .orElse(defaults.sandbox()),
        config
            .getOptionalValue("cove.local.sandbox.uid", Integer.class)
            .orElse(defaults.sandboxUid()),
        config
            .getOptionalValue("cove.local.max.processes", Integer.class)
            .orElse(defaults.maxProcesses()),
        config
            .getOptionalValue("cove.local.stage.timeout.seconds", Long.class)
            .map(Duration::ofSeconds)
            .orElse(defaults.stageTimeout()),
        config
            .getOptionalValue("cove.local.log.max.bytes", Long.class)
            .orElse(defaults.logMaxBytes()),
        config
            .getOptionalValue("cove.local.runtimes", String.class)
            .map(RuntimeMap::parse)
            .orElse(defaults.runtimes()));
  }

  static EngineSettings defaults() {
    return new EngineSettings(
        SandboxMode.BUBBLEWRAP,
        65534,
        256,
        Duration.ofSeconds(600),
        10L * 1024 * 1024,
        RuntimeMap.parse(DEFAULT_RUNTIMES));
  }

  EngineSettings withSandbox(SandboxMode mode) {
    return new EngineSettings(mode, sandboxUid, maxProcesses, stageTimeout, logMaxBytes, runtimes);
  }

  EngineSettings withMaxProcesses(int max) {
    return new EngineSettings(sandbox, sandboxUid, max, stageTimeout, logMaxBytes, runtimes);
  }

  EngineSettings withStageTimeout(Duration timeout) {
    return new EngineSettings(sandbox, sandboxUid, maxProcesses, timeout, logMaxBytes, runtimes);
  }

  EngineSettings withLogMaxBytes(long max) {
    return new EngineSettings(sandbox, sandboxUid, maxProcesses, stageTimeout, max, runtimes);
  }
}
