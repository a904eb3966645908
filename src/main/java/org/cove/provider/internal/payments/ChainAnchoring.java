package org.cove.provider.internal.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Optional;
import org.cove.identity.ProviderTransactions;
import org.cove.identity.UnsignedTransaction;
import org.cove.shared.Address;
import org.cove.shared.ChainAnchors;
import org.cove.shared.CoveException;
import org.cove.shared.ProviderSigner;
import org.web3j.crypto.Hash;

/**
 * The ledger's anchors on the payments' chain node: each a transaction of no value from the
 * provider's account to itself, carrying a head as its data, signed with the provider key. An
 * account that cannot pay for one is refused before anything is signed, so that no transaction is
 * stored that never was sent.
 */
@ApplicationScoped
class ChainAnchoring implements ChainAnchors {

  private ChainNode node;
  private ChainSettings settings;
  private ProviderSigner provider;
  private ProviderTransactions transactions;

  @Inject
  ChainAnchoring(
      ChainNode node,
      ChainSettings settings,
      ProviderSigner provider,
      ProviderTransactions transactions) {
    this.node = node;
    this.settings = settings;
    this.provider = provider;
    this.transactions = transactions;
  }

  /** For CDI's proxy. */
  protected ChainAnchoring() {}

  @Override
  public boolean configured() {
    return node.configured();
  }

  @Override
  public Signed prepare(String head) {
    if (!head.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a head is 64 lower-case hex digits");
    }
    Address account = provider.address();
    String data = "0x" + head;
    BigInteger balance = node.balance(account);
    if (balance.signum() == 0) {
      throw tooPoor(account);
    }
    BigInteger gasPrice = node.gasPrice();
    BigInteger gas = node.estimateGas(account, account, BigInteger.ZERO, data);
    if (balance.compareTo(gasPrice.multiply(gas)) < 0) {
      throw tooPoor(account);
    }
    String raw =
        transactions.sign(
            new UnsignedTransaction(
                node.pendingNonce(account),
                gasPrice,
                gas,
                account,
                BigInteger.ZERO,
                data,
                settings.chainId()));
    return new Signed(Hash.sha3(raw), raw);
  }

  private static CoveException tooPoor(Address account) {
    return new CoveException(
        ChainNode.UNAVAILABLE,
        "the provider's account " + account + " has too little to pay for an anchor");
  }

  @Override
  public void send(Signed anchor) {
    node.sendRaw(anchor.raw());
  }

  @Override
  public Optional<OnChain> read(String transaction) {
    return node.transaction(transaction)
        .map(
            tx ->
                new OnChain(
                    Address.parse(tx.getFrom()),
                    tx.getInput(),
                    tx.getBlockNumberRaw() != null
                        && node.receipt(transaction).map(r -> r.isStatusOK()).orElse(false)));
  }

  @Override
  public long mined() {
    return node.minedNonce(provider.address()).longValueExact();
  }
}
