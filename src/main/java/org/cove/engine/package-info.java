/**
 * The operator-engine: runs the jobs the operator registers, stage by stage, through the operator's
 * {@link org.cove.operator.spi.ComputeEngine} SPI. The {@code local} backend runs each algorithm as
 * a process in a bubblewrap sandbox and keeps job state in its own directory. It may use only
 * {@code operator}, {@code shared} and {@code ledger}; it reaches the catalogue only through {@link
 * org.cove.operator.spi.JobInputs}.
 */
package org.cove.engine;
