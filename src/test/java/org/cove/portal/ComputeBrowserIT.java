package org.cove.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cove.testing.Browser;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.DemoData;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A compute job end to end in headless Chromium: the demo publisher allows the demo algorithm on
 * the demo dataset; the demo consumer fills "Run compute", checks the quote, runs, and watches the
 * job page follow the job to "Job finished" through server push, with no reload; then downloads
 * summary.json. The publisher sees the job among the jobs on its datasets; an account that is
 * neither owner, viewer nor publisher opening the job's address sees "Page not found".
 */
class ComputeBrowserIT {

  private static final String DEMO_DATASET = "Norwegian weather stations, November 2025 (demo)";
  private static final String DEMO_ALGORITHM = "Summary statistics (demo)";
  private static final String ALLOWED = "“" + DEMO_ALGORITHM + "” may run";

  /** A job on the local engine takes seconds; the bound is for a busy shared machine. */
  private static final Duration JOB_BOUND = Duration.ofSeconds(120);

  /** Records every text #job-status shows, in a variable that only survives without a reload. */
  private static final String RECORD_STATUSES =
      "window.coveStatuses = [];"
          + "new MutationObserver(() => {"
          + "  const s = document.getElementById('job-status');"
          + "  const text = s && s.textContent;"
          + "  const seen = window.coveStatuses;"
          + "  if (text && seen[seen.length - 1] !== text) seen.push(text);"
          + "}).observe(document.body, {subtree: true, childList: true, characterData: true});";

  /** One line, as a consumer pastes it into "My own code". */
  private static final String PASTED =
      "open(__import__('os').environ['OUTPUTS'] + '/raw.txt', 'w').write('pasted in the portal')";

  /** Runs until stopped: it waits for a file nobody writes. */
  private static final String WAITS =
      "import os, time\n"
          + "print('started', flush=True)\n"
          + "while not os.path.exists(os.path.join(os.environ['OUTPUTS'], 'never')):\n"
          + "    time.sleep(0.1)\n";

  private final CoveClient cove = new CoveClient();
  private Browser browser;
  private String dataset;
  private boolean allowedHere;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(cove.baseUrl());
    dataset = didOf(DEMO_DATASET);
  }

  @AfterEach
  void restoreAndClose() {
    try {
      if (allowedHere) {
        disallowDemoAlgorithm();
      }
    } finally {
      browser.close();
    }
  }

  @Test
  void a_consumer_runs_the_demo_algorithm_and_the_job_page_follows_it_live() {
    allowDemoAlgorithm();
    signInAs("demo-consumer");
    browser.open("/assets/" + dataset);

    choose("compute-algorithm", DEMO_ALGORITHM);
    browser.element("param-precision");
    type("param-precision", "1");
    browser.element("param-precision").sendKeys(Keys.TAB);
    browser.click("compute-check");
    browser.waitForText("compute-quote", "Accepted:");
    browser.screenshot("compute-form-checked");
    browser.script(RECORD_STATUSES);
    browser.click("compute-run");

    browser.waiting().until(ExpectedConditions.urlMatches("/jobs/[0-9a-f]{32}$"));
    String jobPath = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    new WebDriverWait(browser.driver(), JOB_BOUND)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-status"), "Job finished"));
    browser.screenshot("job-finished");

    @SuppressWarnings("unchecked")
    List<String> statuses = (List<String>) browser.script("return window.coveStatuses;");
    assertThat(statuses).as("statuses shown on one page, without reload").isNotNull();
    assertThat(statuses.get(0)).isNotEqualTo("Job finished");
    assertThat(statuses).last().isEqualTo("Job finished");
    assertThat(browser.element("job-timeline").getText()).contains("Job queued", "Job finished");

    JsonObject summary = json(download("//a[@data-type='output' and contains(., 'summary.json')]"));
    JsonObject columns = summary.values().iterator().next().asJsonObject().getJsonObject("columns");
    assertThat(columns.keySet()).contains("temperature_c", "humidity_pct", "wind_kmh");
    String mean = columns.getJsonObject("temperature_c").getJsonNumber("mean").toString();
    assertThat(mean).as("rounded to the precision asked for").matches("-?\\d+(\\.\\d)?");

    browser.open("/jobs");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-grid"), DEMO_ALGORITHM));
    browser.screenshot("my-jobs");

    signInAs("demo-publisher");
    browser.open("/jobs/on-my-data");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("jobs-on-my-data-grid"), DEMO_ALGORITHM));
    browser.screenshot("jobs-on-my-data");

    signInAs("demo-admin");
    browser.open(jobPath);
    browser
        .waiting()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//h2[text()='Page not found']")));
    assertThat(browser.driver().findElements(By.id("job-status"))).isEmpty();
  }

  @Test
  void pasted_code_runs_where_the_dataset_accepts_it_and_a_revoked_job_says_why_it_stopped() {
    String publisherToken = cove.signIn(TestWallet.random());
    String rawDataset = publishRawDataset(publisherToken);
    signInAs("demo-consumer");
    browser.open("/assets/" + rawDataset);

    browser.waitForText("compute-source", "My own code");
    type("compute-raw-code", PASTED);
    browser.element("compute-raw-code").sendKeys(Keys.TAB);
    browser.click("compute-check");
    browser.waitForText("compute-quote", "Accepted:");
    browser.click("compute-run");
    browser.waiting().until(ExpectedConditions.urlMatches("/jobs/[0-9a-f]{32}$"));
    new WebDriverWait(browser.driver(), JOB_BOUND)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-status"), "Job finished"));
    assertThat(download("//a[@data-type='output' and contains(., 'raw.txt')]"))
        .isEqualTo("pasted in the portal");
    browser.screenshot("raw-job-finished");

    ComputeClient compute = new ComputeClient(cove);
    String environment =
        ComputeClient.environment(cove, "it-browser-raw", ComputeClient.testEnvironment(5, 600));
    TestWallet demoConsumer = DemoData.consumer();
    String waiting = compute.start(demoConsumer, rawBody(environment, rawDataset, WAITS));
    String token = cove.signIn(demoConsumer);
    compute.waitFor(
        token, demoConsumer.address(), waiting, ComputeClient.status(40), Duration.ofSeconds(60));
    CoveClient.Response narrowed =
        cove.json(
            "PUT",
            "/api/v1/assets/" + rawDataset + "/services/compute/compute",
            publisherToken,
            rawOptions(false));
    assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);

    browser.open("/jobs/" + waiting);
    new WebDriverWait(browser.driver(), JOB_BOUND)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-failure"),
                "no longer allowed to run: the dataset does not accept raw algorithms"));
    assertThat(browser.element("job-status").getText()).contains("Job stopped");
    browser.screenshot("raw-job-revoked");
  }

  private String publishRawDataset(String token) {
    String data = cove.upload(token, "data.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
    JsonObject service =
        Json.createObjectBuilder(Ddos.service("compute", "compute", data))
            .add("compute", rawOptions(true))
            .build();
    return cove.publish(token, Ddos.dataset("Raw data " + UUID.randomUUID(), service))
        .getString("id");
  }

  private static JsonObject rawOptions(boolean allowRaw) {
    return Json.createObjectBuilder()
        .add("allowRawAlgorithm", allowRaw)
        .add("allowNetworkAccess", false)
        .add("publisherTrustedAlgorithms", Json.createArrayBuilder())
        .add("publisherTrustedAlgorithmPublishers", Json.createArrayBuilder())
        .build();
  }

  private static JsonObject rawBody(String environment, String dataset, String code) {
    return Json.createObjectBuilder()
        .add("environment", environment)
        .add(
            "datasets",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("documentId", dataset)
                        .add("serviceId", "compute")))
        .add(
            "algorithm",
            Json.createObjectBuilder()
                .add(
                    "meta",
                    Json.createObjectBuilder()
                        .add("rawcode", code)
                        .add(
                            "container",
                            Json.createObjectBuilder()
                                .add("entrypoint", "python3 $ALGO")
                                .add("image", "python")
                                .add("tag", "3.12-slim"))))
        .build();
  }

  private void allowDemoAlgorithm() {
    signInAs("demo-publisher");
    browser.open("/assets/" + dataset);
    browser.element("permissions-compute");
    if (browser.element("permissions-compute").getText().contains(ALLOWED)) {
      return; // allowed before, e.g. by the approval test: leave it as it was
    }
    browser.click("edit-permissions");
    choose("algorithm-picker", DEMO_ALGORITHM);
    browser.click("add-algorithm");
    browser.waitForText("permissions-summary", ALLOWED);
    browser.click("save-permissions");
    browser.waitForText("permissions-compute", ALLOWED);
    allowedHere = true;
  }

  /** Puts the demo dataset back as the other tests expect it: no algorithm allowed. */
  private void disallowDemoAlgorithm() {
    signInAs("demo-publisher");
    browser.open("/assets/" + dataset + "/permissions");
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[@id='trusted-algorithms']/li[contains(., '"
                        + DEMO_ALGORITHM
                        + "')]/vaadin-button")))
        .click();
    browser.click("save-permissions");
    browser.waitForText("permissions-compute", "No algorithm may run on this dataset yet.");
  }

  private void signInAs(String demo) {
    browser.open("/signin");
    browser.driver().manage().deleteAllCookies();
    browser.open("/signin");
    browser.element(demo).click();
    browser.element("account-address");
  }

  private void choose(String comboId, String item) {
    WebElement combo = browser.element(comboId);
    combo.click();
    combo.sendKeys(item.substring(0, 7));
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(., '" + item + "')]")))
        .click();
  }

  private void type(String id, String text) {
    browser.click(id);
    browser.element(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  /** Downloads a link's target with the browser's own session, as a click would. */
  private String download(String linkXpath) {
    WebElement link =
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(linkXpath)));
    return (String)
        browser
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0].href).then(r => r.ok ? r.text() : 'HTTP ' + r.status)"
                    + ".then(done, e => done('failed: ' + e));",
                link);
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
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
