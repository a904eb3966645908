/**
 * The operator-service's client API: compute environments ({@link org.cove.operator.Environments})
 * and the registry of compute jobs ({@link org.cove.operator.JobRegistry}: admit and register,
 * list, read, stop, delete, results, live logs), with the job's value types. The provider, the API
 * and the portal call it; engines plug in underneath through {@link org.cove.operator.spi}. It uses
 * only {@code shared}.
 */
package org.cove.operator;
