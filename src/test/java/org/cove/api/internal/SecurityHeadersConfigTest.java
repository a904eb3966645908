package org.cove.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * server.xml gives the responses the WAR never answers (Liberty's /openapi and /health, the
 * container's error pages) the same headers as SecurityHeadersFilter gives the WAR's.
 */
class SecurityHeadersConfigTest {

  private static Document server;

  @BeforeAll
  static void readServerXml() throws Exception {
    server =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("src/main/liberty/config/server.xml").toFile());
  }

  @Test
  void the_http_endpoint_sets_every_header_of_the_filter() {
    Element endpoint = element("httpEndpoint", "defaultHttpEndpoint");
    Element headers = element("headers", endpoint.getAttribute("headersRef"));

    Map<String, String> configured = new LinkedHashMap<>();
    NodeList entries = headers.getElementsByTagName("set");
    for (int i = 0; i < entries.getLength(); i++) {
      String entry = entries.item(i).getTextContent().strip();
      int colon = entry.indexOf(':');
      configured.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
    }

    assertThat(configured).containsExactlyEntriesOf(SecurityHeadersFilter.HEADERS);
  }

  @Test
  void hsts_is_sent_over_https() {
    assertThat(server.getElementsByTagName("webContainer").getLength()).isEqualTo(1);
    Element webContainer = (Element) server.getElementsByTagName("webContainer").item(0);

    assertThat(webContainer.getAttribute("addStrictTransportSecurityHeader"))
        .startsWith("max-age=");
  }

  /** mpMetrics answers Access-Control-Allow-Origin: * with credentials; no cors element may. */
  @Test
  void no_feature_or_cors_element_allows_every_origin_with_credentials() {
    NodeList features = server.getElementsByTagName("feature");
    for (int i = 0; i < features.getLength(); i++) {
      assertThat(features.item(i).getTextContent()).doesNotStartWith("mpMetrics");
    }
    NodeList cors = server.getElementsByTagName("cors");
    for (int i = 0; i < cors.getLength(); i++) {
      Element rule = (Element) cors.item(i);
      assertThat(
              rule.getAttribute("allowedOrigins").contains("*")
                  && rule.getAttribute("allowCredentials").equals("true"))
          .as("cors " + rule.getAttribute("domain"))
          .isFalse();
    }
  }

  private static Element element(String tag, String id) {
    NodeList elements = server.getElementsByTagName(tag);
    for (int i = 0; i < elements.getLength(); i++) {
      Element element = (Element) elements.item(i);
      if (element.getAttribute("id").equals(id)) {
        return element;
      }
    }
    throw new AssertionError("no <" + tag + " id=\"" + id + "\"> in server.xml");
  }
}
