package org.cove.identity.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import org.cove.identity.SignedRequest;
import org.cove.shared.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * How long verifying one Ocean-style signed request takes in process: parsing the signature,
 * keccak-256 of address + nonce + command, and EIP-191 recovery, as {@link OceanSignedRequests}
 * does before it consumes the nonce. Not a test (surefire skips {@code *Benchmark}); run its {@code
 * main} on the test classpath.
 */
public final class SignatureBenchmark {

  private static final int WARM_UP = 5_000;
  private static final int MEASURED = 20_000;
  private static final int DISTINCT_REQUESTS = 1_000;

  private SignatureBenchmark() {}

  public static void main(String[] args) {
    SignedRequest[] requests = signedRequests();
    int accepted = 0;
    for (int i = 0; i < WARM_UP; i++) {
      accepted += verify(requests[i % requests.length]) ? 1 : 0;
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      SignedRequest request = requests[i % requests.length];
      long start = System.nanoTime();
      boolean ok = verify(request);
      nanos[i] = System.nanoTime() - start;
      accepted += ok ? 1 : 0;
    }
    if (accepted != WARM_UP + MEASURED) {
      throw new IllegalStateException("a correctly signed request was not accepted");
    }
    report(nanos);
  }

  /** What {@link OceanSignedRequests#verify} does before the nonce store. */
  private static boolean verify(SignedRequest request) {
    Address claimed = Address.parse(request.address());
    OceanSignedRequests.parseNonce(request.nonce());
    byte[] hash =
        PersonalSign.oceanRequestHash(request.address(), request.nonce(), request.command());
    return PersonalSign.recover(hash, request.signature()).equals(claimed);
  }

  private static SignedRequest[] signedRequests() {
    ECKeyPair key =
        ECKeyPair.create(
            new BigInteger("bb12cee2301626ea0fc023c72c85337352a5882a5b16853fac6e8b750ed213d7", 16));
    String address = Keys.toChecksumAddress(Keys.getAddress(key));
    SignedRequest[] requests = new SignedRequest[DISTINCT_REQUESTS];
    for (int i = 0; i < requests.length; i++) {
      String nonce = Long.toString(1_700_000_000_000L + i);
      String command = "createAuthToken";
      String signature =
          PersonalSign.sign(PersonalSign.oceanRequestHash(address, nonce, command), key);
      requests[i] = new SignedRequest(address, nonce, command, signature);
    }
    return requests;
  }

  private static void report(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double meanMs = Arrays.stream(sorted).average().orElseThrow() / 1e6;
    System.out.printf(
        Locale.ROOT,
        "signed-request verification, %d iterations after %d warm-up (%s, %s)%n"
            + "p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms  mean %.3f ms%n",
        MEASURED,
        WARM_UP,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 95) / 1e6,
        percentile(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        meanMs);
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
