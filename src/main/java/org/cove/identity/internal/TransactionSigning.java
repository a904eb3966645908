package org.cove.identity.internal;

import org.cove.identity.UnsignedTransaction;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Legacy (EIP-155) transactions signed with a key this server holds. */
final class TransactionSigning {

  private TransactionSigning() {}

  /** The raw signed transaction as hex, ready for {@code eth_sendRawTransaction}. */
  static String sign(UnsignedTransaction t, ECKeyPair key) {
    return Numeric.toHexString(
        TransactionEncoder.signMessage(
            RawTransaction.createTransaction(
                t.nonce(), t.gasPrice(), t.gasLimit(), t.to().value(), t.value(), t.data()),
            t.chainId(),
            Credentials.create(key)));
  }
}
