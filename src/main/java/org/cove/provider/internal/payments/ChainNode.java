package org.cove.provider.internal.payments;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.shared.Address;
import org.cove.shared.CoveException;
import org.cove.shared.ProblemType;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The chain node, over JSON-RPC: transactions, receipts, blocks, and ERC-20 decimals (read once per
 * token and kept: a token's decimals never change). A node that cannot be reached or answers with
 * an error is a 503, so no payment is ever taken as verified without the chain having said so.
 */
@ApplicationScoped
class ChainNode {

  static final ProblemType UNAVAILABLE =
      new ProblemType("chain-unavailable", 503, "The chain node cannot be reached");

  /** decimals() of ERC-20. */
  private static final String DECIMALS_CALL = "0x313ce567";

  private ChainSettings settings;
  private final Map<String, Integer> decimals = new ConcurrentHashMap<>();
  private volatile Web3j web3j;

  @Inject
  ChainNode(ChainSettings settings) {
    this.settings = settings;
  }

  /** For CDI's proxy. */
  protected ChainNode() {}

  boolean configured() {
    return settings.rpcUrl().isPresent();
  }

  long chainId() {
    return call(client().ethChainId()).getChainId().longValueExact();
  }

  Optional<Transaction> transaction(String hash) {
    return call(client().ethGetTransactionByHash(hash)).getTransaction();
  }

  Optional<TransactionReceipt> receipt(String hash) {
    return call(client().ethGetTransactionReceipt(hash)).getTransactionReceipt();
  }

  BigInteger blockNumber() {
    return call(client().ethBlockNumber()).getBlockNumber();
  }

  Instant blockTime(BigInteger number) {
    var block = call(client().ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false));
    if (block.getBlock() == null) {
      throw unavailable("the node does not know block " + number, null);
    }
    return Instant.ofEpochSecond(block.getBlock().getTimestamp().longValueExact());
  }

  /** The next nonce of the account, counting its transactions not mined yet. */
  BigInteger pendingNonce(Address account) {
    return call(client().ethGetTransactionCount(account.value(), DefaultBlockParameterName.PENDING))
        .getTransactionCount();
  }

  /** The number of the account's transactions the chain has mined. */
  BigInteger minedNonce(Address account) {
    return call(client().ethGetTransactionCount(account.value(), DefaultBlockParameterName.LATEST))
        .getTransactionCount();
  }

  BigInteger balance(Address account) {
    return call(client().ethGetBalance(account.value(), DefaultBlockParameterName.LATEST))
        .getBalance();
  }

  BigInteger gasPrice() {
    return call(client().ethGasPrice()).getGasPrice();
  }

  /** The gas the call would use, as the node estimates it. */
  BigInteger estimateGas(Address from, Address to, BigInteger value, String data) {
    return call(client()
            .ethEstimateGas(
                org.web3j.protocol.core.methods.request.Transaction.createFunctionCallTransaction(
                    from.value(), null, null, null, to.value(), value, data)))
        .getAmountUsed();
  }

  /** Sends a signed transaction; answers its hash. */
  String sendRaw(String signedHex) {
    return call(client().ethSendRawTransaction(signedHex)).getTransactionHash();
  }

  /** The token's decimals (18 for the native coin). */
  int decimals(Optional<String> token) {
    if (token.isEmpty()) {
      return 18;
    }
    return decimals.computeIfAbsent(token.get(), this::readDecimals);
  }

  /**
   * What the chain says about the transaction; refuses with payment_not_found when it does not know
   * it and payment_pending when it is not mined yet.
   */
  ChainFacts facts(String tx, String item) {
    long nodeChain = chainId();
    var transaction =
        transaction(tx)
            .orElseThrow(
                () ->
                    new PaymentRefusal(
                        PaymentReason.PAYMENT_NOT_FOUND,
                        item,
                        "the chain has no transaction " + tx));
    var receipt = receipt(tx);
    if (receipt.isEmpty() || transaction.getBlockNumberRaw() == null) {
      throw new PaymentRefusal(
          PaymentReason.PAYMENT_PENDING,
          item,
          "the transaction is not mined yet",
          Optional.of(PaymentCheck.PENDING_RETRY));
    }
    var r = receipt.get();
    BigInteger block = r.getBlockNumber();
    return new ChainFacts(
        nodeChain,
        Optional.ofNullable(transaction.getChainId()).filter(c -> c != 0),
        Address.parse(transaction.getFrom()),
        Optional.ofNullable(transaction.getTo()).filter(Address::isAddress).map(Address::parse),
        transaction.getValue(),
        r.isStatusOK(),
        block,
        blockNumber(),
        blockTime(block),
        TransferLogs.of(r.getLogs()));
  }

  private int readDecimals(String token) {
    String value =
        call(client()
                .ethCall(
                    org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                        null, token, DECIMALS_CALL),
                    DefaultBlockParameterName.LATEST))
            .getValue();
    if (value == null || value.length() <= 2) {
      throw new org.cove.shared.InvalidInputException(
          "the token " + token + " has no decimals(): not an ERC-20 contract on this chain");
    }
    return new BigInteger(value.substring(2), 16).intValueExact();
  }

  private Web3j client() {
    Web3j client = web3j;
    if (client == null) {
      synchronized (this) {
        if (web3j == null) {
          String url =
              settings.rpcUrl().orElseThrow(() -> unavailable("no chain node is configured", null));
          OkHttpClient http =
              new OkHttpClient.Builder()
                  .connectTimeout(5, TimeUnit.SECONDS)
                  .readTimeout(10, TimeUnit.SECONDS)
                  .writeTimeout(10, TimeUnit.SECONDS)
                  .build();
          web3j = Web3j.build(new HttpService(url, http));
        }
        client = web3j;
      }
    }
    return client;
  }

  private static <T extends Response<?>> T call(org.web3j.protocol.core.Request<?, T> request) {
    T response;
    try {
      response = request.send();
    } catch (IOException | RuntimeException e) {
      throw unavailable("the chain node did not answer", e);
    }
    if (response.hasError()) {
      throw unavailable("the chain node answered with an error", null);
    }
    return response;
  }

  private static CoveException unavailable(String detail, Throwable cause) {
    return new CoveException(UNAVAILABLE, detail + "; try again later", cause);
  }

  @PreDestroy
  void close() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }
}
