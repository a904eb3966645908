package org.cove.provider;

import java.util.List;
import org.cove.shared.Address;

/**
 * Payments sent by the server for the demo accounts of the embedded default, which have no wallet:
 * the server signs with the demo account's key and sends the transactions to the configured chain
 * node. Available only for a demo account, in development mode, with a chain node configured; any
 * other account pays from its own wallet.
 */
public interface DemoPayments {

  /** Whether the server pays for this account (a demo account, development mode, a chain). */
  boolean available(Address payer);

  /**
   * Sends one transaction per quote from the demo account, as a wallet would: native value to the
   * payee, or an ERC-20 {@code transfer(payee, units)}. Answers the transaction hashes in the
   * quotes' order, once the node has accepted them (not yet mined).
   *
   * @throws org.cove.shared.ForbiddenException when the server does not pay for this account
   */
  List<String> pay(Address payer, List<PaymentQuote> quotes);
}
