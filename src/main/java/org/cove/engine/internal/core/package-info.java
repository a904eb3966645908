/**
 * What both backends share: the delegating CDI base, the engine choice, the lazy lookups of the
 * provider's inputs and the operator's environments, what the application lends a backend, file
 * helpers, storage expiry, what a live log shows, and {@link
 * org.cove.engine.internal.core.JobHistory}, the one recorder of a job's history (keys and events
 * from {@link org.cove.operator.spi.JobAudit}). It uses only {@code operator} and {@code shared},
 * never a backend.
 */
package org.cove.engine.internal.core;
