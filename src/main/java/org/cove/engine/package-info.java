/**
 * The operator-engine: runs the jobs the operator registers, stage by stage, behind the operator's
 * {@link org.cove.operator.spi.ComputeEngine} and {@link org.cove.operator.spi.StageExchange}. Two
 * backends: {@code local} (each algorithm a process in a bubblewrap sandbox, job state in its own
 * directory) and {@code kubernetes} (a controller over ComputeJob resources), over a small common
 * core. It uses only {@code operator} (its SPI and value types) and {@code shared}: the ledger
 * through {@link org.cove.shared.AuditTrail}, the catalogue through {@link
 * org.cove.operator.spi.JobInputs}.
 */
package org.cove.engine;
