package org.cove.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium. Never a downloaded browser: the machines have no
 * route to browser downloads, and the test command installs chromium and chromium-driver.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path userDataDir;
  private final String baseUrl;

  public Browser(String baseUrl) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: "
              + "apt-get install chromium chromium-driver (bin/test does this)");
    }
    this.baseUrl = baseUrl;
    try {
      userDataDir = Files.createTempDirectory("cove-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + userDataDir);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Waits until the element is on the page (Vaadin renders after the page loads). */
  public WebElement element(String id) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  /** Scrolls the element into view, then clicks it as a user would. */
  public void click(String id) {
    WebElement element = element(id);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  public void waitForText(String id, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  public Object script(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /**
   * Lets this browser save downloads into {@code dir} without asking (headless Chromium refuses
   * them otherwise), so a test can read what a user would have saved.
   */
  public void allowDownloads(Path dir) {
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        java.util.Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
  }

  /** Waits until a download named {@code name} is complete in {@code dir}; answers its text. */
  public static String downloaded(Path dir, String name, Duration bound) {
    Path file = dir.resolve(name);
    // Chromium writes a download under a temporary name and renames it once it is complete.
    org.awaitility.Awaitility.await("download " + name + " in " + dir)
        .atMost(bound)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Files.isRegularFile(file));
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves a screenshot under target/screenshots for a human to look at. */
  public void screenshot(String name) {
    Path dir = Path.of(System.getProperty("cove.it.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve(name + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
