package org.cove.provider.internal.payments;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cove.shared.Address;
import org.cove.testing.LocalChain;
import org.cove.testing.TestWallet;

/**
 * Payment verification latency against a local ganache node: what Cove does per payment before the
 * database (chain id, transaction, receipt, latest block, block time over JSON-RPC, Transfer log
 * parsing, the rules). ERC-20 and native payments alternate. Prints p50/p95/p99. Run it as
 * docs/benchmarks.md says; it starts (and stops) its own chain on cove.it.chain.port (default
 * 18545).
 */
public final class PaymentVerificationBenchmark {

  private static final int WARM_UP = 100;
  private static final int MEASURED = 1000;

  public static void main(String[] args) {
    LocalChain chain = LocalChain.shared();
    TestWallet consumer = TestWallet.random();
    TestWallet payee = TestWallet.random();
    chain.fund(consumer);
    int total = WARM_UP + MEASURED;
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      hashes.add(
          i % 2 == 0
              ? chain.payToken(consumer, chain.token(), payee.address(), BigInteger.TEN)
              : chain.payNative(consumer, payee.address(), BigInteger.TEN));
    }
    chain.mine(2);

    ChainNode node =
        new ChainNode(
            ChainSettings.of(
                Optional.of(chain.rpcUrl()),
                LocalChain.CHAIN_ID,
                2,
                600,
                100,
                86400,
                Optional.empty()));
    Address from = Address.parse(consumer.address());
    Instant issued = Instant.now().minusSeconds(3600);
    StoredQuote tokenQuote =
        new StoredQuote(
            1,
            Address.parse(payee.address()),
            Optional.of(chain.token()),
            LocalChain.CHAIN_ID,
            BigInteger.TEN,
            issued,
            issued.plusSeconds(7200));
    StoredQuote nativeQuote =
        new StoredQuote(
            2,
            Address.parse(payee.address()),
            Optional.empty(),
            LocalChain.CHAIN_ID,
            BigInteger.TEN,
            issued,
            issued.plusSeconds(7200));

    long[] nanos = new long[MEASURED];
    for (int i = 0; i < total; i++) {
      long start = System.nanoTime();
      ChainFacts facts = node.facts(hashes.get(i), "item");
      PaymentCheck.check(
          from,
          "item",
          LocalChain.CHAIN_ID,
          2,
          List.of(i % 2 == 0 ? tokenQuote : nativeQuote),
          facts);
      long took = System.nanoTime() - start;
      if (i >= WARM_UP) {
        nanos[i - WARM_UP] = took;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        "payment verification (%d payments, ganache on loopback): p50 %.2f ms, p95 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms%n",
        MEASURED,
        percentile(nanos, 0.50),
        percentile(nanos, 0.95),
        percentile(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6);
    node.close();
    chain.stop();
    System.exit(0);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
