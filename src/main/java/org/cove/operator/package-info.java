/**
 * The operator-service: compute environments, and the registry of compute jobs (register, list,
 * read, stop, delete, results, live logs). Engines plug in through {@link
 * org.cove.operator.ComputeEngine}; the provider supplies a job's inputs through {@link
 * org.cove.operator.JobInputs}.
 */
package org.cove.operator;
