package org.cove.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cove.testing.Browser;
import org.cove.testing.ComputeClient;
import org.cove.testing.CoveClient;
import org.cove.testing.Ddos;
import org.cove.testing.LocalChain;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A consumer pays and runs a priced job, and pays and downloads a priced dataset, in headless
 * Chromium: the page's wallet is an EIP-1193 provider backed by ethers with the consumer's own key,
 * sending real signed transactions to the local chain. The portal shows the payments pending until
 * the chain confirms them, then starts the job or the download; the publisher sees what it earned.
 * A demo account pays without a wallet (the server holds its key), and a free dataset downloads
 * with one click.
 */
class PaymentBrowserIT {

  private static final Duration JOB_BOUND = Duration.ofSeconds(120);

  /** Three transactions signed in the page and mined by ganache, on a busy shared machine. */
  private static final Duration PAY_BOUND = Duration.ofSeconds(90);

  private final CoveClient cove = new CoveClient();
  private LocalChain chain;
  private Browser browser;

  @BeforeEach
  void start() {
    chain = LocalChain.shared();
    browser = new Browser(cove.baseUrl());
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void a_consumer_pays_with_the_browser_wallet_and_the_job_runs() throws IOException {
    TestWallet publisher = TestWallet.random();
    String publisherToken = cove.signIn(publisher);
    TestWallet consumer = TestWallet.random();
    chain.fund(consumer);
    String environment =
        ComputeClient.environment(cove, "it-pay-browser", pricedEnvironment(chain.token(), "0.5"));
    String algorithm = publishAlgorithm(publisherToken, "Paid counter", "1.25", null);
    String dataset = publishDataset(publisherToken, publisher.address(), "0.5");

    injectWallet(consumer);
    browser.open("/signin");
    browser.click("sign-in-wallet");
    browser.waitForText("account-address", consumer.address().toLowerCase());

    browser.open("/assets/" + dataset);
    browser.waitForText("service-compute", "0.5 native coin");
    choose("compute-algorithm", "Paid counter");
    choose("compute-environment", environment);
    browser.click("compute-check");
    browser.waitForText("compute-quote", "To pay, one transaction each");
    assertThat(browser.element("compute-quote").getText())
        .contains("0.5 native coin to " + publisher.address().toLowerCase())
        .contains("1.25 native coin")
        .contains("0.5 of token " + chain.token());
    assertThat(browser.element("compute-run").getText()).isEqualTo("Pay and run");
    browser.screenshot("pay-quote");

    browser.click("compute-run");
    new WebDriverWait(browser.driver(), PAY_BOUND)
        .withMessage(() -> "sent so far: " + browser.script("return window.coveSent;"))
        .until(
            driver -> {
              String state = driver.findElement(By.id("pay-status")).getAttribute("data-state");
              return state != null && !state.equals("sending");
            });
    assertThat(browser.element("pay-status").getAttribute("data-state"))
        .as(browser.element("pay-status").getText())
        .isEqualTo("pending");
    @SuppressWarnings("unchecked")
    List<String> sent = (List<String>) browser.script("return window.coveSent;");
    assertThat(sent).hasSize(3);
    browser.screenshot("pay-pending");
    chain.mine(1); // the second confirmation the test server asks for

    browser.waiting().until(ExpectedConditions.urlMatches("/jobs/[0-9a-f]{32}$"));
    new WebDriverWait(browser.driver(), JOB_BOUND)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-status"), "Job finished"));
    browser.screenshot("paid-job-finished");

    String ledger = cove.get("/api/v1/ledger?subject=" + dataset, publisherToken).body();
    assertThat(ledger).contains("payment-received", sent.get(1));

    Browser publisherBrowser = new Browser(cove.baseUrl());
    try {
      injectWallet(publisherBrowser, publisher);
      publisherBrowser.open("/signin");
      publisherBrowser.click("sign-in-wallet");
      publisherBrowser.waitForText("account-address", publisher.address().toLowerCase());
      publisherBrowser.open("/my-assets");
      publisherBrowser.waitForText("earnings", "Paid data (compute): 0.5 native coin from 1");
      assertThat(publisherBrowser.element("earnings").getText())
          .contains("Paid counter (compute): 1.25 native coin from 1 payment(s)");
      publisherBrowser.screenshot("publisher-earnings");
    } finally {
      publisherBrowser.close();
    }
  }

  @Test
  void a_consumer_pays_with_the_browser_wallet_and_downloads_a_priced_dataset() throws IOException {
    TestWallet publisher = TestWallet.random();
    String publisherToken = cove.signIn(publisher);
    TestWallet consumer = TestWallet.random();
    chain.fund(consumer);
    String content = "paid,by\nwallet," + consumer.address() + "\n";
    String dataset =
        publishDownload(publisherToken, "wallet-paid.csv", content, priceOf("0.3", null));
    Path saved = downloadsOf(browser);

    injectWallet(consumer);
    signInWithWallet(browser, consumer);
    browser.open("/assets/" + dataset);
    browser.waitForText("service-access", "0.3 native coin");
    assertThat(browser.element("pay-download-access-0").getText())
        .isEqualTo("Pay and download file 1");

    browser.click("pay-download-access-0");
    String pending = waitForPayment("download-status-access", "pending");
    assertThat(pending).contains("waiting for the chain");
    @SuppressWarnings("unchecked")
    List<String> sent = (List<String>) browser.script("return window.coveSent;");
    assertThat(sent).hasSize(1);
    assertThat(saved).isEmptyDirectory();
    chain.mine(1); // the second confirmation the test server asks for

    assertThat(Browser.downloaded(saved, "wallet-paid.csv", PAY_BOUND)).isEqualTo(content);
    assertThat(browser.element("download-status-access").getAttribute("data-state"))
        .isEqualTo("confirmed");
    browser.screenshot("pay-download-confirmed");
    String ledger = cove.get("/api/v1/ledger?subject=" + dataset, publisherToken).body();
    assertThat(ledger).contains("payment-received", sent.get(0), "downloaded");
  }

  @Test
  void a_demo_consumer_pays_from_its_server_held_key_and_downloads() {
    TestWallet publisher = TestWallet.random();
    String publisherToken = cove.signIn(publisher);
    String content = "paid,by\ndemo,account\n";
    String dataset =
        publishDownload(publisherToken, "demo-paid.csv", content, priceOf("2.5", chain.token()));
    Path saved = downloadsOf(browser);

    // No wallet in this browser: the demo account pays with the key the server holds.
    browser.open("/signin");
    browser.click("demo-consumer");
    browser.waitForText("account-address", "0x");
    String demo = browser.element("account-address").getText().trim().toLowerCase();
    chain.fund(demo);
    java.math.BigInteger before = chain.tokenBalance(chain.token(), publisher.address());

    browser.open("/assets/" + dataset);
    browser.waitForText("service-access", "2.5 of token");
    browser.click("pay-download-access-0");
    String pending = waitForPayment("download-status-access", "pending");
    assertThat(pending).contains("waiting for the chain");
    assertThat(browser.script("return typeof window.ethereum;")).isEqualTo("undefined");
    chain.mine(1);

    assertThat(Browser.downloaded(saved, "demo-paid.csv", PAY_BOUND)).isEqualTo(content);
    assertThat(chain.tokenBalance(chain.token(), publisher.address()).subtract(before))
        .isEqualTo(LocalChain.units("2.5", 6));
    String ledger = cove.get("/api/v1/ledger?subject=" + dataset, publisherToken).body();
    assertThat(ledger).contains("payment-received", demo, "downloaded");
  }

  @Test
  void a_demo_consumer_pays_and_runs_a_priced_job_without_a_wallet() {
    TestWallet publisher = TestWallet.random();
    String publisherToken = cove.signIn(publisher);
    String environment =
        ComputeClient.environment(cove, "it-pay-demo-free", ComputeClient.testEnvironment(40, 30));
    publishAlgorithm(publisherToken, "Demo counter", "0.25", null);
    String dataset = publishDataset(publisherToken, publisher.address(), "0.5");

    browser.open("/signin");
    browser.click("demo-consumer");
    browser.waitForText("account-address", "0x");
    String demo = browser.element("account-address").getText().trim().toLowerCase();
    chain.fund(demo);

    browser.open("/assets/" + dataset);
    choose("compute-algorithm", "Demo counter");
    choose("compute-environment", environment);
    browser.click("compute-run");
    String pending = waitForPayment("pay-status", "pending");
    assertThat(pending).contains("waiting for the chain");
    chain.mine(1);

    browser.waiting().until(ExpectedConditions.urlMatches("/jobs/[0-9a-f]{32}$"));
    new WebDriverWait(browser.driver(), JOB_BOUND)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("job-status"), "Job finished"));
    String ledger = cove.get("/api/v1/ledger?subject=" + dataset, publisherToken).body();
    assertThat(ledger).contains("payment-received", demo, "\"paidFor\":\"job:");
  }

  @Test
  void a_free_dataset_downloads_in_the_portal() throws IOException {
    TestWallet publisher = TestWallet.random();
    String publisherToken = cove.signIn(publisher);
    TestWallet consumer = TestWallet.random();
    String content = "free,data\n1,2\n";
    String dataset = publishDownload(publisherToken, "free-data.csv", content, null);
    Path saved = downloadsOf(browser);

    injectWallet(consumer);
    signInWithWallet(browser, consumer);
    browser.open("/assets/" + dataset);
    assertThat(browser.element("download-file-access-0").getText()).isEqualTo("Download file 1");
    browser.click("download-file-access-0");

    assertThat(Browser.downloaded(saved, "free-data.csv", PAY_BOUND)).isEqualTo(content);
    String ledger = cove.get("/api/v1/ledger?subject=" + dataset, publisherToken).body();
    assertThat(ledger).contains("downloaded", consumer.address().toLowerCase());
  }

  private static void signInWithWallet(Browser target, TestWallet wallet) {
    target.open("/signin");
    target.click("sign-in-wallet");
    target.waitForText("account-address", wallet.address().toLowerCase());
  }

  /** Waits until the payment is no longer being sent; answers the status text in that state. */
  private String waitForPayment(String statusId, String expected) {
    new WebDriverWait(browser.driver(), PAY_BOUND)
        .withMessage(() -> browser.element(statusId).getText())
        .until(
            driver -> {
              String state = driver.findElement(By.id(statusId)).getAttribute("data-state");
              return state != null && !state.equals("sending");
            });
    WebElement status = browser.element(statusId);
    assertThat(status.getAttribute("data-state")).as(status.getText()).isEqualTo(expected);
    return status.getText();
  }

  private static Path downloadsOf(Browser target) {
    try {
      Path dir = Files.createTempDirectory("cove-downloads");
      target.allowDownloads(dir);
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonObject priceOf(String amount, String token) {
    var price = Json.createObjectBuilder().add("amount", amount);
    if (token != null) {
      price.add("token", token);
    }
    return price.build();
  }

  private String publishDownload(String token, String filename, String content, JsonObject price) {
    String upload = cove.upload(token, filename, content.getBytes(UTF_8));
    var service = Json.createObjectBuilder(Ddos.service("access", "access", upload));
    if (price != null) {
      service.add("price", price);
    }
    return cove.publish(token, Ddos.dataset("Download " + filename, service.build()))
        .getString("id");
  }

  /** The wallet on every page of this browser: ethers with the wallet's key, on the local chain. */
  private void injectWallet(TestWallet wallet) throws IOException {
    injectWallet(browser, wallet);
  }

  private void injectWallet(Browser target, TestWallet wallet) throws IOException {
    Path jsDir = Path.of(System.getProperty("cove.it.js.dir", "src/test/js"));
    String ethers =
        Files.readString(jsDir.resolve("node_modules/ethers/dist/ethers.umd.min.js"), UTF_8);
    String provider =
        """
        (() => {
          // No cache: ethers keeps answers for 250 ms by default, and a nonce read again within
          // that time is the one the last transaction used (a wallet counts its own nonces).
          const provider = new ethers.JsonRpcProvider('%s', undefined, { cacheTimeout: -1 });
          const wallet = new ethers.Wallet('%s', provider);
          window.coveSent = [];
          window.ethereum = {
            request: async ({ method, params }) => {
              if (method === 'eth_requestAccounts' || method === 'eth_accounts') {
                return [wallet.address];
              }
              if (method === 'personal_sign') {
                return wallet.signMessage(ethers.getBytes(params[0]));
              }
              if (method === 'eth_chainId') {
                return '0x' + (await provider.getNetwork()).chainId.toString(16);
              }
              if (method === 'eth_sendTransaction') {
                const t = params[0];
                const sent = await wallet.sendTransaction({
                  to: t.to, value: t.value ? BigInt(t.value) : 0n, data: t.data || '0x' });
                window.coveSent.push(sent.hash);
                return sent.hash;
              }
              throw new Error('unsupported method ' + method);
            }
          };
        })();
        """
            .formatted(chain.rpcUrl(), "0x" + wallet.privateKeyHex());
    target
        .driver()
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument", Map.of("source", ethers + "\n" + provider));
    // A real wallet is an extension: it reaches its chain node outside the page, so Cove's
    // Content-Security-Policy (connect-src 'self') does not apply to it. This page-injected
    // stand-in needs the same freedom.
    target.driver().executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
  }

  private void choose(String comboId, String item) {
    browser.click(comboId);
    WebElement combo = browser.element(comboId);
    combo.sendKeys(
        org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
        item.substring(0, Math.min(7, item.length())));
    browser
        .waiting()
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(., '" + item + "')]")))
        .click();
  }

  private String publishAlgorithm(String token, String name, String amount, String priceToken) {
    String upload = cove.upload(token, "count.py", "print('counted')\n".getBytes(UTF_8));
    var price = Json.createObjectBuilder().add("amount", amount);
    if (priceToken != null) {
      price.add("token", priceToken);
    }
    JsonObject service =
        Json.createObjectBuilder(Ddos.service("compute", "compute", upload))
            .add("price", price)
            .build();
    return cove.publish(token, Ddos.algorithm(name, service)).getString("id");
  }

  private String publishDataset(String token, String publisher, String amount) {
    String upload = cove.upload(token, "data.csv", "x\n1\n".getBytes(UTF_8));
    JsonObject service =
        Json.createObjectBuilder(Ddos.computeServiceTrusting(upload, publisher))
            .add("price", Json.createObjectBuilder().add("amount", amount))
            .build();
    return cove.publish(token, Ddos.dataset("Paid data", service)).getString("id");
  }

  private static JsonObject pricedEnvironment(String token, String cpuPerMinute) {
    var fee =
        Json.createObjectBuilder()
            .add("feeToken", token)
            .add(
                "prices",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", "cpu")
                            .add("price", new java.math.BigDecimal(cpuPerMinute))));
    return Json.createObjectBuilder(ComputeClient.testEnvironment(40, 30))
        .remove("free")
        .add(
            "fees",
            Json.createObjectBuilder()
                .add(String.valueOf(LocalChain.CHAIN_ID), Json.createArrayBuilder().add(fee)))
        .build();
  }
}
