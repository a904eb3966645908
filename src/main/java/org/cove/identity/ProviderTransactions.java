package org.cove.identity;

/**
 * Signs transactions with the provider key (the ledger's anchors, sent from the provider's own
 * account). The provider module sends them; the key stays in identity.
 */
public interface ProviderTransactions {

  /** The raw signed transaction as hex, ready for {@code eth_sendRawTransaction}. */
  String sign(UnsignedTransaction transaction);
}
