package org.cove.operator;

/**
 * A CDI event an engine fires once a job has ended and its results are stored, so other modules can
 * act on it (the provider publishes the output as an asset when the job asked for it) without the
 * engine knowing them. Observers must not fail the engine: exceptions are theirs to handle.
 */
public record JobEnded(Job job) {}
