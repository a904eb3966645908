package org.cove.portal.internal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.cove.identity.Principal;
import org.cove.provider.Asset;
import org.cove.provider.Catalogue;
import org.cove.provider.DdoFormat;
import org.cove.provider.InvalidDdoException;
import org.cove.provider.Uploads;

/**
 * Publishing an asset: the {@link PublishForm} writes a DDO and this view has the provider parse
 * and publish it, so the portal and the API refuse exactly the same things. The form's file goes
 * straight into the signed-in account's uploads.
 */
@Route(value = "publish", layout = MainLayout.class)
@PageTitle("Publish · Cove")
@Dependent
public class PublishView extends VerticalLayout {

  private final Catalogue catalogue;
  private final DdoFormat ddos;

  @Inject
  public PublishView(Catalogue catalogue, DdoFormat ddos, Uploads uploads) {
    this.catalogue = catalogue;
    this.ddos = ddos;
    PortalSession.principal().ifPresent(me -> add(new H2("Publish"), configureForm(me, uploads)));
  }

  private PublishForm configureForm(Principal me, Uploads uploads) {
    PublishForm form =
        new PublishForm(
            new FileUploadField(
                "publish-file", (filename, content) -> uploads.store(me, filename, content)));
    form.addPublishListener(
        publish -> {
          try {
            Asset asset = catalogue.publish(me, ddos.parse(publish.ddo()));
            Notices.success("Published " + asset.metadata().name());
            getUI().ifPresent(ui -> ui.navigate("assets/" + asset.did().value()));
          } catch (InvalidDdoException e) {
            form.refuse(e.errors());
          }
        });
    return form;
  }
}
