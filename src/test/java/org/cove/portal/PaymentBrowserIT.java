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
 * A consumer pays and runs a priced job in headless Chromium: the page's wallet is an EIP-1193
 * provider backed by ethers with the consumer's own key, sending real signed transactions to the
 * local chain. The portal shows the payments pending until the chain confirms them, then starts the
 * job; the publisher sees what it earned.
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
          const provider = new ethers.JsonRpcProvider('%s');
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
