package org.cove.engine.internal.core;

import java.nio.file.Path;
import java.time.Clock;
import org.cove.operator.Environments;
import org.cove.operator.spi.JobInputs;

/**
 * What the application lends a backend, the same for both: the data directory it keeps its files
 * under, the provider's inputs, the operator's environments (for how long results are kept), the
 * job history's recorder and the clock.
 */
public record BackendServices(
    Path dataDirectory,
    JobInputs inputs,
    Environments environments,
    JobHistory history,
    Clock clock) {}
