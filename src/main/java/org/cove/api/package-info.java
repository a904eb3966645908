/**
 * The HTTP API: Cove's own resources under {@code /api/v1} and the Ocean-compatible ones under
 * {@code /api/services}, plus the mappers that turn every error into an {@code
 * application/problem+json} answer. Resources translate HTTP to module calls and hold no business
 * rules. Depends on {@code identity}, {@code ledger} (and, later, {@code provider} and {@code
 * operator}).
 */
package org.cove.api;
