package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.List;
import org.cove.identity.Principal;
import org.cove.provider.DemoPayments;
import org.cove.provider.PaymentQuote;
import org.cove.shared.CoveException;

/**
 * Sends the payments for the signed-in account: a demo account of the embedded default has the
 * server send them with its server-held key (it has no wallet); every other account pays from its
 * browser wallet, and Cove never sees its key.
 */
final class PaymentSender {

  private final DemoPayments demoPayments;
  private final Principal me;

  PaymentSender(DemoPayments demoPayments, Principal me) {
    this.demoPayments = demoPayments;
    this.me = me;
  }

  /** Sends one payment per quote; the answers come back on {@code on}'s UI. */
  void send(
      Component on,
      List<PaymentQuote> quotes,
      SerializableConsumer<List<String>> sent,
      SerializableConsumer<String> failed) {
    if (!demoPayments.available(me.address())) {
      WalletPayments.pay(on, me.address(), quotes, sent, failed);
      return;
    }
    List<String> hashes;
    try {
      hashes = demoPayments.pay(me.address(), quotes);
    } catch (CoveException e) {
      failed.accept(e.detail());
      return;
    }
    sent.accept(hashes);
  }

  /** What the page says while the payments are sent. */
  String sending(int count) {
    return demoPayments.available(me.address())
        ? "Sending " + count + " payment(s) from the demo account…"
        : "Your wallet is asked to send " + count + " payment(s)…";
  }
}
