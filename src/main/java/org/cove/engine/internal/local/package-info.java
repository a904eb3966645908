/**
 * The {@code local} backend: {@link org.cove.engine.internal.local.LocalEngine} (the CDI bean) over
 * {@link org.cove.engine.internal.local.LocalJobs}, which runs each algorithm as a process in a
 * bubblewrap sandbox and keeps job state in {@code <data dir>/engine/jobs/}. It uses the core,
 * {@code operator} and {@code shared}; never the {@code kubernetes} backend.
 */
package org.cove.engine.internal.local;
