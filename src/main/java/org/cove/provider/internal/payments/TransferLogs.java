package org.cove.provider.internal.payments;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cove.shared.Address;
import org.web3j.protocol.core.methods.response.Log;

/** ERC-20 Transfer(address indexed from, address indexed to, uint256 value) events of a receipt. */
final class TransferLogs {

  /** keccak256("Transfer(address,address,uint256)"). */
  static final String TRANSFER_TOPIC =
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  private TransferLogs() {}

  static List<ChainFacts.Transfer> of(List<Log> logs) {
    List<ChainFacts.Transfer> transfers = new ArrayList<>();
    for (Log log : logs) {
      List<String> topics = log.getTopics();
      if (topics == null
          || topics.size() != 3
          || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))
          || log.getData() == null
          || log.getData().length() != 66) {
        continue; // not an ERC-20 Transfer (ERC-721 has the value indexed: four topics)
      }
      transfers.add(
          new ChainFacts.Transfer(
              log.getAddress().toLowerCase(Locale.ROOT),
              topicAddress(topics.get(1)),
              topicAddress(topics.get(2)),
              new BigInteger(log.getData().substring(2), 16)));
    }
    return transfers;
  }

  private static Address topicAddress(String topic) {
    return Address.parse("0x" + topic.substring(topic.length() - 40));
  }
}
