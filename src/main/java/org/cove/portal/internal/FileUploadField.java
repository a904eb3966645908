package org.cove.portal.internal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Optional;
import org.cove.provider.Uploads;
import org.cove.shared.CoveException;

/**
 * One file streamed straight to where the view says (the provider's uploads, no temporary copy),
 * with Vaadin's progress bar; shows the stored size and SHA-256.
 */
class FileUploadField extends VerticalLayout {

  /** Keeps the bytes as they arrive; the view decides where and for whom. */
  @FunctionalInterface
  interface Store extends Serializable {
    Uploads.Upload store(String filename, InputStream content);
  }

  private final Span result = new Span();
  private volatile Uploads.Upload uploaded;

  FileUploadField(String id, Store store) {
    setPadding(false);
    setSpacing(false);
    Upload upload = new Upload();
    upload.setId(id);
    upload.setMaxFiles(1);
    upload.setUploadHandler(handler(store));
    result.setId(id + "-result");
    result.addClassName("cove-upload-result");
    add(upload, result);
  }

  private UploadHandler handler(Store store) {
    return event -> {
      try {
        Uploads.Upload stored = store.store(event.getFileName(), event.getInputStream());
        uploaded = stored;
        event
            .getUI()
            .access(
                () ->
                    result.setText(
                        stored.filename()
                            + " · "
                            + stored.size()
                            + " bytes · sha256 "
                            + stored.sha256()));
      } catch (CoveException e) {
        event
            .getUI()
            .access(
                () -> {
                  result.setText("");
                  Notices.error(e.detail());
                });
      }
    };
  }

  Optional<Uploads.Upload> uploaded() {
    return Optional.ofNullable(uploaded);
  }
}
