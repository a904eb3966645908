/**
 * The HTTP API: Cove's own resources under {@code /api/v1} and the Ocean-compatible ones under
 * {@code /api/services}, plus the mappers that turn every error into an {@code
 * application/problem+json} answer. Resources translate HTTP to module calls and hold no business
 * rules; they are request-scoped CDI beans built through their constructors. Depends on {@code
 * identity}, {@code ledger}, {@code provider}, {@code operator} and {@code shared}.
 */
package org.cove.api;
