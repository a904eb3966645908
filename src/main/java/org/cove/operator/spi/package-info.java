/**
 * What an engine implements and what it is given: {@link org.cove.operator.spi.ComputeEngine}
 * (called only by the operator's registry), {@link org.cove.operator.spi.StageExchange} (the stage
 * pods' files, carried over HTTP by the API) and {@link org.cove.operator.spi.JobInputs} (a job's
 * inputs, supplied by the provider). Only {@code engine} implements the first two. {@link
 * org.cove.operator.spi.JobAudit} is the job history's ledger keys and events, which the registry
 * and the engines share.
 */
package org.cove.operator.spi;
