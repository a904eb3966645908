package org.cove.engine.internal.kubernetes;

/**
 * The step boundaries of a reconcile (after each create, around each status write and ledger
 * append), named so that tests can crash the controller at any of them. A no-op in production.
 */
@FunctionalInterface
interface Steps {

  Steps NONE = step -> {};

  void reached(String step);
}
