package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import org.cove.provider.PaymentReason;
import org.cove.provider.PaymentRefusal;
import org.cove.shared.CoveException;

/**
 * A paid call (start a job, open a download) asked again while the chain has not confirmed its
 * payment: the provider refuses it as {@code PAYMENT_PENDING} until the transaction is mined. Each
 * wait happens in the browser ({@link WalletPayments#later}), so no server thread sleeps.
 */
final class ChainConfirmation {

  /** How often and how long to ask again while the chain confirms a payment. */
  private static final int RETRY_MILLIS = 2000;

  private static final int ATTEMPTS = 150;

  private ChainConfirmation() {}

  /**
   * Calls {@code paid} until it answers ({@code done}) or is refused for good ({@code refused});
   * {@code pending} hears the provider's detail before each wait.
   */
  static <T> void await(
      Component on,
      SerializableSupplier<T> paid,
      SerializableConsumer<T> done,
      SerializableConsumer<String> pending,
      SerializableConsumer<CoveException> refused) {
    attempt(on, paid, done, pending, refused, 1);
  }

  private static <T> void attempt(
      Component on,
      SerializableSupplier<T> paid,
      SerializableConsumer<T> done,
      SerializableConsumer<String> pending,
      SerializableConsumer<CoveException> refused,
      int attempt) {
    T answer;
    try {
      answer = paid.get();
    } catch (PaymentRefusal e) {
      if (e.reason() == PaymentReason.PAYMENT_PENDING && attempt < ATTEMPTS) {
        pending.accept(e.detail());
        WalletPayments.later(
            on, RETRY_MILLIS, () -> attempt(on, paid, done, pending, refused, attempt + 1));
        return;
      }
      refused.accept(e);
      return;
    } catch (CoveException e) {
      refused.accept(e);
      return;
    }
    done.accept(answer);
  }
}
