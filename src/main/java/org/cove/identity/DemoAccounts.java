package org.cove.identity;

import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;

/**
 * Demo accounts of the embedded default: a publisher, a consumer and an admin. Empty in production
 * mode.
 */
public interface DemoAccounts {

  List<DemoAccount> list();

  /**
   * Signs in as a demo account through the same Sign-In with Ethereum path a wallet takes, the
   * server signing with the account's key.
   */
  AuthToken signInAs(Address address);

  /** Whether the address is one of this server's demo accounts (never in production mode). */
  default boolean isDemo(Address address) {
    return list().stream().anyMatch(d -> d.address().equals(address));
  }

  /**
   * Signs the transaction with the demo account's key, for a demo account paying from the portal
   * without a wallet: the raw signed transaction as hex, ready for {@code eth_sendRawTransaction}.
   * Empty for any address that is not a demo account here, and always in production mode.
   */
  Optional<String> signTransaction(Address from, UnsignedTransaction transaction);
}
