package org.cove.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.cove.provider.AlgorithmMetadata;
import org.cove.provider.Asset;
import org.cove.provider.ComputeOptions;
import org.cove.provider.Service;
import org.cove.provider.ServiceType;

/**
 * What an asset page (and a job page) shows as plain facts: label and value pairs, the asset's
 * services with their prices, and who may run what on a compute service. Read-only; nothing here
 * asks a module.
 */
final class AssetFacts {

  private AssetFacts() {}

  static Component summary(Asset asset) {
    Div facts = new Div();
    facts.addClassName("cove-facts");
    facts.add(
        fact("Type", asset.metadata().type().name().toLowerCase(Locale.ROOT)),
        fact("State", asset.state().name().toLowerCase(Locale.ROOT)),
        fact("Publisher", asset.publisher().value()),
        fact("Author", asset.metadata().author()),
        fact("License", asset.metadata().license()),
        fact("Tags", String.join(", ", asset.metadata().tags())),
        fact("DID", asset.did().value()),
        fact("Updated", AssetGrid.DAY.format(asset.metadata().updated())));
    if (!asset.credentials().allow().isEmpty() || !asset.credentials().deny().isEmpty()) {
      facts.add(
          fact(
              "Access",
              asset.credentials().allow().size()
                  + " allowed account(s), "
                  + asset.credentials().deny().size()
                  + " denied"));
    }
    return facts;
  }

  static Component algorithm(Asset asset, AlgorithmMetadata algorithm) {
    Div facts = new Div();
    facts.addClassName("cove-facts");
    facts.add(
        fact("Runs", algorithm.container().entrypoint()),
        fact("Image", algorithm.container().image() + ":" + algorithm.container().tag()),
        fact("Image digest", algorithm.container().checksum()),
        fact("Files checksum", asset.filesChecksum().orElse("")),
        fact("Container checksum", algorithm.container().sectionChecksum()));
    facts.setId("algorithm-checksums");
    return new Div(new H3("Algorithm"), facts);
  }

  static Component services(Asset asset) {
    UnorderedList list = new UnorderedList();
    for (Service service : asset.services()) {
      String price = PriceText.of(service.price());
      String kind =
          service.type() == ServiceType.ACCESS
              ? "download"
              : "compute only: the files never leave the provider";
      ListItem item =
          new ListItem(
              service.id() + " — " + kind + ", " + service.fileCount() + " file(s), " + price);
      item.setId("service-" + service.id());
      list.add(item);
    }
    return new Div(new H3("Services"), list);
  }

  /**
   * @param names an algorithm's name by DID, where the catalogue has it
   */
  static Component permissions(Service service, Function<String, Optional<String>> names) {
    UnorderedList lines = new UnorderedList();
    lines.setId("permissions-" + service.id());
    PermissionSummary.describe(service.compute().orElse(ComputeOptions.privateByDefault()), names)
        .forEach(line -> lines.add(new ListItem(line)));
    return new Div(new H3("Who may run what on “" + service.id() + "”"), lines);
  }

  static Component fact(String label, String value) {
    Span name = new Span(label);
    name.addClassName("cove-fact-label");
    Span text = new Span(value);
    text.addClassName("cove-fact-value");
    Div fact = new Div(name, text);
    fact.addClassName("cove-fact");
    return fact;
  }
}
