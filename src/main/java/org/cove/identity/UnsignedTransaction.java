package org.cove.identity;

import java.math.BigInteger;
import java.util.Objects;
import org.cove.shared.Address;

/**
 * A legacy (EIP-155) transaction to be signed: to {@code to}, sending {@code value} wei with call
 * {@code data} (hex, {@code 0x} for none), on chain {@code chainId}.
 */
public record UnsignedTransaction(
    BigInteger nonce,
    BigInteger gasPrice,
    BigInteger gasLimit,
    Address to,
    BigInteger value,
    String data,
    long chainId) {

  public UnsignedTransaction {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
  }
}
