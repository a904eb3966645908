package org.cove.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

/**
 * A real local EVM chain for the payment tests: ganache from npm (installed by the build into
 * src/test/js), started once per test JVM on the port the test server was told
 * (cove.it.chain.port), with its chain kept in a directory so that a stop and a restart lose
 * nothing. Two ERC-20 test tokens (6 decimals, compiled with solc-js) are deployed at the first
 * start. Accounts are funded from ganache's first unlocked account; payments are real signed
 * transactions from the test wallets' own keys.
 */
public final class LocalChain {

  public static final long CHAIN_ID = 8996;
  private static final Duration START_BOUND = Duration.ofSeconds(60);

  private static LocalChain shared;

  private final int port;
  private final Path dir;
  private final Web3j web3j;
  private Process node;
  private long chainId = CHAIN_ID;
  private String faucet;
  private List<String> tokens;

  private LocalChain(int port, Path dir) {
    this.port = port;
    this.dir = dir;
    this.web3j = Web3j.build(new HttpService(rpcUrl()));
  }

  /** The chain of this test run, started (and its tokens deployed) on first use. */
  public static synchronized LocalChain shared() {
    if (shared == null) {
      int port = Integer.getInteger("cove.it.chain.port", 18545);
      Path dir = Path.of(System.getProperty("cove.it.chain.dir", "target/it-chain"));
      LocalChain chain = new LocalChain(port, dir);
      chain.deleteData();
      chain.start();
      chain.deployTokens();
      Runtime.getRuntime().addShutdownHook(new Thread(chain::stop));
      shared = chain;
    }
    return shared;
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The token Cove's prices name in the tests, and another one. */
  public String token() {
    return tokens.get(0);
  }

  public String otherToken() {
    return tokens.get(1);
  }

  /**
   * Starts ganache on the chain kept in the directory ({@code chainId}: 8996 unless a test asks).
   */
  public synchronized void start() {
    startAs(CHAIN_ID, dir.resolve("db"));
  }

  /** Starts a different chain (another id, its own data) on the same port: a misconfigured node. */
  public synchronized void startOtherChain(long otherChainId) {
    startAs(otherChainId, dir.resolve("db-" + otherChainId));
  }

  private void startAs(long id, Path db) {
    if (node != null) {
      throw new IllegalStateException("the chain node runs already");
    }
    try {
      Files.createDirectories(db);
      Path log = dir.resolve("ganache-" + id + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "node",
                  "node_modules/ganache/dist/node/cli.js",
                  "--server.host",
                  "127.0.0.1",
                  "--server.port",
                  String.valueOf(port),
                  "--chain.chainId",
                  String.valueOf(id),
                  "--chain.networkId",
                  String.valueOf(id),
                  "--wallet.deterministic",
                  // Every test funds its accounts from the first one: ganache's default 1,000
                  // coins ran out after ten of them.
                  "--wallet.defaultBalance",
                  "1000000",
                  "--database.dbPath",
                  db.toAbsolutePath().toString(),
                  "--logging.quiet")
              .directory(NodeScripts.JS_DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      node = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ganache (bin/test installs node)", e);
    }
    chainId = id;
    Instant deadline = Instant.now().plus(START_BOUND);
    while (true) {
      try {
        if (web3j.ethChainId().send().getChainId().longValue() == id) {
          break;
        }
      } catch (IOException | RuntimeException notYet) {
        // still starting
      }
      assertThat(node.isAlive()).as("ganache is running (see %s)", dir).isTrue();
      assertThat(Instant.now()).as("ganache answered within %s", START_BOUND).isBefore(deadline);
      pause(100);
    }
    faucet = call(web3j.ethAccounts()).getAccounts().get(0);
  }

  /** Stops the node and waits until it is gone; the chain stays in its directory. */
  public synchronized void stop() {
    if (node == null) {
      return;
    }
    node.destroy();
    try {
      if (!node.waitFor(20, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    node = null;
  }

  private void deleteData() {
    try {
      if (Files.exists(dir)) {
        try (var paths = Files.walk(dir)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deployTokens() {
    try {
      JsonObject result =
          NodeScripts.run("deploy-test-tokens.mjs", Map.of("RPC_URL", rpcUrl()), dir);
      tokens =
          result.getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
              .map(t -> t.getString("address"))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Gives the wallet 100 of the native coin and 1,000 of each test token. */
  public void fund(TestWallet wallet) {
    fund(wallet.address());
  }

  public void fund(String address) {
    send(Transaction.createEtherTransaction(faucet, null, null, null, address, units("100", 18)));
    for (String token : tokens) {
      send(
          Transaction.createFunctionCallTransaction(
              faucet, null, null, null, token, BigInteger.ZERO, mintCall(address)));
    }
  }

  /** Gives the address 100 of the native coin only (on a chain without the test tokens). */
  public void fundNative(String address) {
    send(Transaction.createEtherTransaction(faucet, null, null, null, address, units("100", 18)));
  }

  /** Native coin from the wallet to {@code to}; returns the mined transaction's hash. */
  public String payNative(TestWallet from, String to, BigInteger wei) {
    return sendRaw(from, to, "", wei);
  }

  /** An ERC-20 transfer of {@code units} of {@code token} to {@code to}. */
  public String payToken(TestWallet from, String token, String to, BigInteger units) {
    String data =
        FunctionEncoder.encode(
            new Function("transfer", List.of(new Address(to), new Uint256(units)), List.of()));
    return sendRaw(from, token, data, BigInteger.ZERO);
  }

  /** Mines {@code blocks} empty blocks (ganache mines each transaction in its own block). */
  public void mine(int blocks) {
    for (int i = 0; i < blocks; i++) {
      call(new Request<>("evm_mine", List.of(), (HttpService) web3jService(), Response.class));
    }
  }

  /**
   * Sets the chain's clock: the next blocks carry timestamps from {@code time} on. Ganache lets it
   * go back too, so a test can put it back to now afterwards.
   */
  public void setTime(Instant time) {
    call(
        new Request<>(
            "evm_setTime",
            List.of(time.toEpochMilli()),
            (HttpService) web3jService(),
            Response.class));
  }

  public TransactionReceipt receipt(String hash) {
    return call(web3j.ethGetTransactionReceipt(hash)).getTransactionReceipt().orElseThrow();
  }

  /** The transaction as the chain holds it: who sent it, and its data. */
  public org.web3j.protocol.core.methods.response.Transaction transaction(String hash) {
    return call(web3j.ethGetTransactionByHash(hash)).getTransaction().orElseThrow();
  }

  public BigInteger tokenBalance(String token, String owner) {
    String data =
        FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(owner)), List.of()));
    String value =
        call(web3j.ethCall(
                Transaction.createEthCallTransaction(null, token, data),
                DefaultBlockParameterName.LATEST))
            .getValue();
    return new BigInteger(value.substring(2), 16);
  }

  /** A decimal amount in the smallest unit of a token with {@code decimals}. */
  public static BigInteger units(String amount, int decimals) {
    return new BigDecimal(amount).movePointRight(decimals).toBigIntegerExact();
  }

  private String sendRaw(TestWallet from, String to, String data, BigInteger value) {
    RawTransactionManager manager =
        new RawTransactionManager(web3j, Credentials.create(from.privateKeyHex()), chainId);
    try {
      var sent =
          manager.sendTransaction(
              call(web3j.ethGasPrice()).getGasPrice(),
              BigInteger.valueOf(200_000),
              to,
              data,
              value);
      if (sent.hasError()) {
        throw new IllegalStateException(
            "the chain refused the payment: " + sent.getError().getMessage());
      }
      return sent.getTransactionHash();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void send(Transaction transaction) {
    var sent = call(web3j.ethSendTransaction(transaction));
    Optional.ofNullable(sent.getTransactionHash()).orElseThrow();
  }

  private static String mintCall(String to) {
    return FunctionEncoder.encode(
        new Function("mint", List.of(new Address(to), new Uint256(units("1000", 6))), List.of()));
  }

  private org.web3j.protocol.Web3jService web3jService() {
    return new HttpService(rpcUrl());
  }

  private static <T extends Response<?>> T call(Request<?, T> request) {
    try {
      T response = request.send();
      if (response.hasError()) {
        throw new IllegalStateException("chain node: " + response.getError().getMessage());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
