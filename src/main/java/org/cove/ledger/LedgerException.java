package org.cove.ledger;

import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;

/** A ledger operation that cannot be done in the ledger's present state. */
public class LedgerException extends CoveException {

  public static final ProblemType LEDGER_CONFLICT =
      new ProblemType("ledger-conflict", 409, "Not possible in the ledger's present state");

  public LedgerException(String detail) {
    super(LEDGER_CONFLICT, detail);
  }
}
