/**
 * What an engine implements and what it is given: {@link org.cove.operator.spi.ComputeEngine}
 * (called only by the operator's registry), {@link org.cove.operator.spi.StageExchange} (the stage
 * pods' files, carried over HTTP by the API) and {@link org.cove.operator.spi.JobInputs} (a job's
 * inputs, supplied by the provider). Only {@code engine} implements the first two.
 */
package org.cove.operator.spi;
