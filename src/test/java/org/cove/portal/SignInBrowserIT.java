package org.cove.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cove.testing.Browser;
import org.cove.testing.CoveClient;
import org.cove.testing.TestWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The portal in a real headless Chromium: sign-in with a demo account and with a wallet. */
class SignInBrowserIT {

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
  void a_visitor_who_is_not_signed_in_is_sent_to_sign_in() {
    browser.open("/");

    browser.element("sign-in-wallet");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/signin");
  }

  @Test
  void demo_publisher_signs_in_and_sees_home_and_ledger() {
    browser.open("/signin");
    String label = browser.element("demo-publisher").getText();
    String address = label.substring(label.indexOf("0x"));
    browser.screenshot("signin");

    browser.element("demo-publisher").click();

    browser.waitForText("account-address", address);
    assertThat(browser.element("account-roles").getText()).isEqualTo("consumer, publisher");
    browser.screenshot("home-demo-publisher");

    browser.driver().findElement(By.linkText("ledger")).click();
    browser.element("ledger-grid");
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-grid"), "signed-in"));
    browser.screenshot("ledger-demo-publisher");
  }

  @Test
  void demo_admin_verifies_the_chain() {
    browser.open("/signin");
    browser.element("demo-admin").click();
    browser.element("account-address");

    browser.open("/ledger");
    browser.element("verify-chain").click();

    browser.waitForText("verification", "Intact");
    browser.screenshot("ledger-verified-by-admin");
  }

  @Test
  void a_browser_wallet_signs_in_with_personal_sign() throws IOException {
    TestWallet wallet = TestWallet.random();
    browser.open("/signin");
    browser.element("sign-in-wallet");
    injectWallet(wallet);

    browser.element("sign-in-wallet").click();

    browser.waitForText("account-address", wallet.address().toLowerCase());
    browser.screenshot("home-browser-wallet");
  }

  /**
   * An EIP-1193 provider backed by ethers (an independent implementation), holding a known key: it
   * shares the account and signs with personal_sign as a browser wallet would.
   */
  private void injectWallet(TestWallet wallet) throws IOException {
    Path jsDir = Path.of(System.getProperty("cove.it.js.dir", "src/test/js"));
    Path ethers = jsDir.resolve("node_modules/ethers/dist/ethers.umd.min.js");
    assertThat(ethers).as("run npm ci in src/test/js (bin/test does)").exists();
    browser.script(Files.readString(ethers));
    browser.script(
        """
        const wallet = new ethers.Wallet(arguments[0]);
        window.ethereum = {
          request: async ({ method, params }) => {
            if (method === 'eth_requestAccounts' || method === 'eth_accounts') {
              return [wallet.address];
            }
            if (method === 'personal_sign') {
              return wallet.signMessage(ethers.getBytes(params[0]));
            }
            throw new Error('unsupported method ' + method);
          }
        };
        """,
        "0x" + wallet.privateKeyHex());
  }
}
