package org.cove.portal.internal;

import static org.cove.shared.Jsons.JSON;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import jakarta.json.JsonArrayBuilder;
import java.util.Arrays;
import java.util.List;
import org.cove.provider.PaymentQuote;
import org.cove.shared.Address;

/**
 * Asks the browser's wallet (EIP-1193 {@code window.ethereum}) to send one transaction per quote
 * from the signed-in account: native value to the payee, or an ERC-20 {@code transfer(payee,
 * units)} to the token contract. The wallet signs; Cove never sees a key. Answers with the
 * transaction hashes in the quotes' order.
 */
final class WalletPayments {

  private static final String PAY =
      """
      return (async () => {
        const payments = JSON.parse($0);
        const account = $1.toLowerCase();
        const eth = window.ethereum;
        if (!eth) throw new Error('no browser wallet: install one to pay');
        const accounts = await eth.request({ method: 'eth_requestAccounts' });
        const from = accounts && accounts[0];
        if (!from || from.toLowerCase() !== account) {
          throw new Error('the wallet account is not the account signed in here');
        }
        const hashes = [];
        for (const p of payments) {
          const chain = await eth.request({ method: 'eth_chainId' });
          if (BigInt(chain) !== BigInt(p.chainId)) {
            await eth.request({ method: 'wallet_switchEthereumChain',
                                params: [{ chainId: '0x' + BigInt(p.chainId).toString(16) }] });
          }
          const units = BigInt(p.units).toString(16);
          const tx = p.token === 'native'
            ? { from, to: p.payee, value: '0x' + units }
            : { from, to: p.token,
                data: '0xa9059cbb' + p.payee.slice(2).toLowerCase().padStart(64, '0')
                      + units.padStart(64, '0') };
          hashes.push(await eth.request({ method: 'eth_sendTransaction', params: [tx] }));
        }
        return hashes.join(',');
      })();
      """;

  private WalletPayments() {}

  static void pay(
      Component on,
      Address from,
      List<PaymentQuote> quotes,
      SerializableConsumer<List<String>> sent,
      SerializableConsumer<String> failed) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    for (PaymentQuote q : quotes) {
      list.add(
          JSON.createObjectBuilder()
              .add("payee", q.payee().value())
              .add("token", q.token().orElse("native"))
              .add("chainId", q.chainId())
              .add("units", q.units().toString()));
    }
    on.getElement()
        .executeJs(PAY, list.build().toString(), from.value())
        .then(String.class, hashes -> sent.accept(Arrays.asList(hashes.split(","))), failed);
  }

  /** Calls back after {@code millis}, in the UI's own request cycle (no server thread waits). */
  static void later(Component on, int millis, Runnable then) {
    on.getElement()
        .executeJs("return new Promise(done => setTimeout(() => done(true), $0));", millis)
        .then(Boolean.class, ignored -> then.run());
  }
}
