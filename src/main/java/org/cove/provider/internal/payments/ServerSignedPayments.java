package org.cove.provider.internal.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cove.identity.DemoAccounts;
import org.cove.identity.UnsignedTransaction;
import org.cove.provider.DemoPayments;
import org.cove.provider.PaymentQuote;
import org.cove.shared.Address;
import org.cove.shared.ForbiddenException;
import org.cove.shared.RunMode;

/**
 * The demo accounts' payments: built here like a wallet builds them, signed by identity with the
 * server-held key, and sent raw to the configured node. One payer's payments are sent one at a time
 * so that two pages of the same demo account never pick the same nonce.
 */
@ApplicationScoped
class ServerSignedPayments implements DemoPayments {

  /** transfer(address,uint256) of ERC-20. */
  private static final String TRANSFER = "0xa9059cbb";

  private RunMode runMode;
  private DemoAccounts demoAccounts;
  private ChainNode node;
  private ChainSettings settings;

  @Inject
  ServerSignedPayments(
      RunMode runMode, DemoAccounts demoAccounts, ChainNode node, ChainSettings settings) {
    this.runMode = runMode;
    this.demoAccounts = demoAccounts;
    this.node = node;
    this.settings = settings;
  }

  /** For CDI's proxy. */
  protected ServerSignedPayments() {}

  @Override
  public boolean available(Address payer) {
    return runMode == RunMode.DEVELOPMENT && node.configured() && demoAccounts.isDemo(payer);
  }

  @Override
  public synchronized List<String> pay(Address payer, List<PaymentQuote> quotes) {
    if (!available(payer)) {
      throw new ForbiddenException("the server pays only for its demo accounts, in development");
    }
    BigInteger nonce = node.pendingNonce(payer);
    BigInteger gasPrice = node.gasPrice();
    List<String> hashes = new ArrayList<>();
    for (PaymentQuote quote : quotes) {
      Address to = quote.token().map(Address::parse).orElse(quote.payee());
      BigInteger value = quote.token().isPresent() ? BigInteger.ZERO : quote.units();
      String data = quote.token().isPresent() ? transfer(quote.payee(), quote.units()) : "0x";
      UnsignedTransaction tx =
          new UnsignedTransaction(
              nonce,
              gasPrice,
              node.estimateGas(payer, to, value, data),
              to,
              value,
              data,
              settings.chainId());
      String signed =
          demoAccounts
              .signTransaction(payer, tx)
              .orElseThrow(() -> new ForbiddenException("not a demo account of this server"));
      hashes.add(node.sendRaw(signed));
      nonce = nonce.add(BigInteger.ONE);
    }
    return hashes;
  }

  /** The call data of ERC-20 {@code transfer(payee, units)}. */
  static String transfer(Address payee, BigInteger units) {
    return TRANSFER + pad(payee.value().substring(2)) + pad(units.toString(16));
  }

  private static String pad(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }
}
