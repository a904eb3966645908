package org.cove.portal.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.net.URLConnection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.Downloads;
import org.cove.provider.PaymentQuote;
import org.cove.provider.Service;
import org.cove.shared.CoveException;

/**
 * "Download" for an access service, one file at a time. Every download goes through the provider's
 * download path ({@link Downloads#open}) for the signed-in account, so the permission rules, the
 * price and the ledger apply as they do to the API. A free file is a plain link; a priced one is
 * quoted, paid (browser wallet, or the server for a demo account), shown pending until the chain
 * confirms it, then opened and handed to the browser once: one payment pays for one download.
 */
class DownloadPanel extends VerticalLayout {

  private final Downloads downloads;
  private final PaymentSender payments;
  private final Asset asset;
  private final Service service;
  private final Principal me;
  private final PaymentStatus status;

  DownloadPanel(
      Downloads downloads, PaymentSender payments, Asset asset, Service service, Principal me) {
    this.downloads = downloads;
    this.payments = payments;
    this.asset = asset;
    this.service = service;
    this.me = me;
    setPadding(false);
    setId("download-" + service.id());
    status = new PaymentStatus("download-status-" + service.id());
    boolean priced = !service.price().isFree() && !asset.publisher().equals(me.address());
    HorizontalLayout files = new HorizontalLayout();
    for (int index = 0; index < service.fileCount(); index++) {
      files.add(priced ? payAndDownload(index) : freeLink(index));
    }
    add(new H3("Download “" + service.id() + "”"), files, status);
  }

  private Anchor freeLink(int index) {
    int fileIndex = index;
    Anchor link =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  try {
                    return response(
                        downloads.open(me.address(), asset.did(), service.id(), fileIndex));
                  } catch (CoveException e) {
                    return DownloadResponse.error(e.type().status());
                  }
                }),
            "Download file " + (index + 1));
    link.setId(fileId("download-file", index));
    return link;
  }

  private Button payAndDownload(int index) {
    Button pay = new Button("Pay and download file " + (index + 1));
    pay.setId(fileId("pay-download", index));
    pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    pay.addClickListener(click -> quoteAndPay(pay, index));
    return pay;
  }

  private void quoteAndPay(Button pay, int index) {
    Optional<PaymentQuote> quote;
    try {
      quote = downloads.initialize(me.address(), asset.did(), service.id());
    } catch (CoveException e) {
      refused(e);
      return;
    }
    if (quote.isEmpty()) {
      open(pay, index, Optional.empty()); // free for this account after all
      return;
    }
    pay.setEnabled(false);
    status.sending(payments.sending(1) + " To pay: " + PriceText.of(quote.get()) + ".");
    payments.send(
        this,
        List.of(quote.get()),
        hashes -> open(pay, index, Optional.of(hashes.get(0))),
        error -> {
          pay.setEnabled(true);
          status.notPaid(error);
        });
  }

  /** Opens the file with the payment, asking again while the chain has not confirmed it. */
  private void open(Button pay, int index, Optional<String> tx) {
    ChainConfirmation.await(
        this,
        () -> downloads.open(me.address(), asset.did(), service.id(), index, tx),
        download -> {
          status.confirmed("Payment confirmed: the download starts.");
          deliver(download, index);
          pay.setEnabled(true); // another download is another payment
        },
        status::pending,
        e -> {
          pay.setEnabled(true);
          refused(e);
        });
  }

  /**
   * Hands the opened file to the browser through a link that serves it once, and follows the link.
   * The link stays on the page in case the browser did not follow it.
   */
  private void deliver(Downloads.Download download, int index) {
    AtomicReference<Downloads.Download> once = new AtomicReference<>(download);
    Anchor link =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  Downloads.Download d = once.getAndSet(null);
                  return d == null ? DownloadResponse.error(410) : response(d);
                }),
            "Save file " + (index + 1));
    link.setId(fileId("download-ready", index));
    link.addDetachListener(
        detach -> {
          Downloads.Download unserved = once.getAndSet(null);
          if (unserved != null) {
            try {
              unserved.close();
            } catch (java.io.IOException ignored) {
              // Nothing was read from it; closing only frees the file.
            }
          }
        });
    add(link);
    link.getElement().executeJs("this.click()");
  }

  private static DownloadResponse response(Downloads.Download d) {
    String type =
        Optional.ofNullable(URLConnection.guessContentTypeFromName(d.filename()))
            .orElse("application/octet-stream");
    return new DownloadResponse(d.stream(), d.filename(), type, d.size().orElse(-1L));
  }

  private void refused(CoveException e) {
    if (e.type().status() >= 500) {
      status.failed("Not now: " + e.detail());
      return;
    }
    status.refused(e.detail());
  }

  private String fileId(String prefix, int index) {
    return prefix + "-" + service.id() + "-" + index;
  }
}
