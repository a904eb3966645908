/**
 * The {@code kubernetes} backend: {@link org.cove.engine.internal.kubernetes.KubernetesEngine} (the
 * CDI bean) over a controller of ComputeJob resources and their stage pods, in three roles:
 * KubernetesJobs (the ComputeEngine, reading from the informer's indexes), KubernetesStageExchange
 * (the stage pods' calls) and KubernetesRuntime (cache, lease, controller). It uses the core,
 * fabric8, {@code operator} and {@code shared}; never the {@code local} backend.
 */
package org.cove.engine.internal.kubernetes;
