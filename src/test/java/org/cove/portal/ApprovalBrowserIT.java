package org.cove.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cove.testing.Browser;
import org.cove.testing.CoveClient;
import org.cove.testing.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal end to end in headless Chromium: a publisher publishes a dataset with an upload; the
 * demo consumer asks for the demo algorithm to run on the demo dataset; the demo publisher reads
 * the code in the inbox and approves; the dataset's page then shows the algorithm allowed.
 */
class ApprovalBrowserIT {

  private static final String DEMO_DATASET = "Norwegian weather stations, November 2025 (demo)";
  private static final String DEMO_ALGORITHM = "Summary statistics (demo)";

  private final CoveClient cove = new CoveClient();
  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(cove.baseUrl());
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void a_publisher_publishes_a_dataset_with_an_upload() throws IOException {
    signInAs("demo-publisher");
    browser.open("/publish");
    Path csv = Files.createTempFile("rainfall", ".csv");
    Files.writeString(csv, "day,mm\n1,3.5\n2,0.0\n");
    String name = "Rainfall " + System.nanoTime();

    uploadFile("publish-file", csv);
    browser.waitForText("publish-file-result", "sha256");
    type("publish-name", name);
    type("publish-author", "Demo publisher");
    type("publish-tags", "rain, browser");
    browser.screenshot("publish-form");
    browser.click("publish-submit");

    browser.waitForText("asset-name", name);
    browser.waitForText("permissions-compute", "No algorithm may run on this dataset yet.");
    browser.screenshot("published-dataset");
    JsonObject found = cove.get("/api/v1/assets?text=" + name.split(" ")[1]).json();
    assertThat(found.getInt("total")).isEqualTo(1);

    browser.click("edit-permissions");
    browser.click("any-publisher");
    browser.waitForText("permissions-summary", "Any algorithm published on this provider may run.");
    browser.screenshot("permissions-editor");
    browser.click("save-permissions");
    browser.waitForText("permissions-compute", "Any algorithm published on this provider may run.");
  }

  @Test
  void a_publisher_publishes_an_algorithm_pinned_to_an_image_digest() throws IOException {
    signInAs("demo-consumer");
    browser.open("/publish");
    browser.element("publish-type");
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-radio-button[contains(., 'algorithm')]")))
        .click();
    browser.element("publish-checksum");
    Path script = Files.createTempFile("count", ".py");
    Files.writeString(script, "print('rows')\n");
    uploadFile("publish-file", script);
    browser.waitForText("publish-file-result", "sha256");
    type("publish-name", "Row count " + System.nanoTime());
    type("publish-author", "Demo consumer");
    type("publish-checksum", "md5:nope");
    browser.click("publish-submit");
    browser.waitForText("publish-errors", "Image digest: must start with sha256:");

    type("publish-checksum", "sha256:" + "cd".repeat(32));
    browser.click("publish-submit");

    browser.waitForText("algorithm-checksums", "sha256:" + "cd".repeat(32));
    browser.screenshot("published-algorithm");
  }

  @Test
  void a_consumer_asks_the_publisher_approves_and_the_dataset_allows_the_algorithm() {
    DemoData.makeDatasetPrivate(cove);
    String dataset = didOf(DEMO_DATASET);

    signInAs("demo-consumer");
    browser.open("/assets/" + dataset);
    browser.waitForText("permissions-compute", "No algorithm may run on this dataset yet.");
    browser.click("approval-algorithm");
    browser.element("approval-algorithm").sendKeys("Summary");
    browser
        .waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-combo-box-item[contains(., '" + DEMO_ALGORITHM + "')]")))
        .click();
    type("approval-justification", "column statistics only");
    browser.click("request-approval");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "Asked the publisher"));
    browser.screenshot("approval-requested");

    browser.driver().manage().deleteAllCookies();
    signInAs("demo-publisher");
    browser.open("/approvals");
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., '" + DEMO_ALGORITHM + "')]")))
        .click();
    browser.waitForText("code-review", "def summarise");
    browser.screenshot("approval-inbox-code");
    browser.click("approve");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "Approved"));

    browser.open("/assets/" + dataset);
    browser.waitForText(
        "permissions-compute",
        "“" + DEMO_ALGORITHM + "” may run, in the version that was reviewed.");
    browser.screenshot("dataset-allows-algorithm");
  }

  private void signInAs(String demo) {
    browser.open("/signin");
    browser.element(demo).click();
    browser.element("account-address");
  }

  private void type(String id, String text) {
    browser.click(id);
    browser.element(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  /** The file input lives in vaadin-upload's shadow root; make it reachable, then choose. */
  private void uploadFile(String uploadId, Path file) {
    WebElement upload = browser.element(uploadId);
    WebElement input =
        (WebElement)
            browser.script(
                "const input = arguments[0].querySelector('input[type=file]')"
                    + " || arguments[0].shadowRoot.querySelector('input[type=file]');"
                    + " input.removeAttribute('hidden'); input.style.display = 'block'; return input;",
                upload);
    input.sendKeys(file.toAbsolutePath().toString());
  }

  private String didOf(String name) {
    JsonObject found = cove.get("/api/v1/assets?tag=demo&size=10").json();
    return found.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getJsonObject("metadata").getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }
}
