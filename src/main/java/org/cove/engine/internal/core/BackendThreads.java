package org.cove.engine.internal.core;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The container's threads a backend runs on: a scheduler for its steps and timers, and a factory
 * for the threads that do blocking work, so that such work never holds up the scheduler.
 */
public record BackendThreads(ScheduledExecutorService scheduler, ThreadFactory factory) {}
