package org.cove.ledger.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.shared.ChainAnchors;
import org.cove.shared.CoveException;
import org.cove.shared.Hashes;
import org.cove.shared.ProblemType;

/**
 * A chain in memory for the ledger's tests: a sent anchor is mined at once, from the provider's
 * account; the node can be made unreachable, and transactions can be added behind Cove's back.
 */
final class FakeChain implements ChainAnchors {

  private final boolean configured;
  private final Address account;
  private final Map<String, OnChain> mined = new LinkedHashMap<>();
  private boolean reachable = true;
  private int prepared;

  private FakeChain(boolean configured, Address account) {
    this.configured = configured;
    this.account = account;
  }

  static FakeChain notConfigured() {
    return new FakeChain(false, new Address("0x" + "0".repeat(40)));
  }

  static FakeChain of(Address account) {
    return new FakeChain(true, account);
  }

  void reachable(boolean reachable) {
    this.reachable = reachable;
  }

  /** Mines a transaction the provider's account sent elsewhere, which no anchor row names. */
  void mineOther(String data) {
    mined.put("0x" + Hashes.sha256Hex("other " + mined.size()), new OnChain(account, data, true));
  }

  int sent() {
    return mined.size();
  }

  @Override
  public boolean configured() {
    return configured;
  }

  @Override
  public Signed prepare(String head) {
    available();
    String hash = "0x" + Hashes.sha256Hex(head + " " + prepared++);
    return new Signed(hash, "0x" + head);
  }

  @Override
  public void send(Signed anchor) {
    available();
    mined.put(anchor.transaction(), new OnChain(account, anchor.raw(), true));
  }

  @Override
  public Optional<OnChain> read(String transaction) {
    available();
    return Optional.ofNullable(mined.get(transaction));
  }

  @Override
  public long mined() {
    available();
    return mined.size();
  }

  private void available() {
    if (!reachable) {
      throw new CoveException(ProblemType.UNAVAILABLE, "the chain node did not answer");
    }
  }
}
