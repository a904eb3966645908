package org.cove.provider;

import java.util.Optional;

/**
 * An access or compute service of an asset. Its files are never part of it: they stay inside the
 * provider, and only their number is public.
 */
public record Service(
    String id,
    ServiceType type,
    int fileCount,
    long timeout,
    Price price,
    Optional<ComputeOptions> compute) {}
