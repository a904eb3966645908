package org.cove.identity;

import java.util.List;
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
}
