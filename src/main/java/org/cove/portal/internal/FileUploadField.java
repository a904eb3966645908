package org.cove.portal.internal;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Optional;
import org.cove.identity.Principal;
import org.cove.provider.Uploads;
import org.cove.shared.CoveException;

/**
 * One file streamed straight into the provider's uploads (no temporary copy), with Vaadin's
 * progress bar; shows the stored size and SHA-256.
 */
class FileUploadField extends VerticalLayout {

  private final Span result = new Span();
  private volatile Uploads.Upload uploaded;

  FileUploadField(String id, Uploads uploads, Principal owner) {
    setPadding(false);
    setSpacing(false);
    Upload upload = new Upload();
    upload.setId(id);
    upload.setMaxFiles(1);
    upload.setUploadHandler(handler(uploads, owner));
    result.setId(id + "-result");
    result.addClassName("cove-upload-result");
    add(upload, result);
  }

  private UploadHandler handler(Uploads uploads, Principal owner) {
    return event -> {
      try {
        Uploads.Upload stored = uploads.store(owner, event.getFileName(), event.getInputStream());
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
