package io.github.minimax4j.sample.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat page in a real browser (Debian's headless Chromium): a prompt is sent, the reply appears in
 * several steps as it streams, and the usage figures and running totals show up; a follow-up question is
 * answered in the context of the first, and New starts afresh, totals included; the header says the offline
 * simulator answers, with which model. A screenshot is kept in
 * {@code target/e2e/}. Skipped, visibly, where Chromium and its driver are not installed (.ci/run installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.simulator.stream-delay=60ms")
class ChatPageBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    private WebDriver browser;

    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
            .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1100,800", "--user-data-dir=" + this.profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort().build();
        this.browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (this.browser != null) {
            this.browser.quit();
        }
    }

    @Test
    void theSecondAnswerOfAConversationDependsOnTheFirstTurn() {
        this.browser.get("http://127.0.0.1:" + this.port + "/");
        WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30), Duration.ofMillis(50));

        ask(wait, "My name is Ada", 1);
        ask(wait, "What is my name?", 2);

        List<WebElement> replies = this.browser.findElements(By.cssSelector(".message.assistant .reply-text"));
        assertThat(replies.get(0).getText()).doesNotContain("Earlier");
        // The simulator quotes the earlier turn only if the page sent it, thinking and signature unchanged
        // (a changed thinking block is rejected, and would show as an error).
        assertThat(replies.get(1).getText()).contains("What is my name?").contains("Earlier you said \"My name is Ada\"");
        assertThat(this.browser.findElements(By.cssSelector(".message.assistant .error")))
            .allSatisfy((error) -> assertThat(error.isDisplayed()).isFalse());
        assertThat(this.browser.findElement(By.id("total-replies")).getText()).isEqualTo("2");

        this.browser.findElement(By.id("new-conversation")).click();
        assertThat(this.browser.findElement(By.id("total-replies")).getText()).as("New resets the totals").isEqualTo("0");
        assertThat(this.browser.findElement(By.id("total-input")).getText()).isEqualTo("0");
        ask(wait, "What is my name?", 1);
        assertThat(this.browser.findElement(By.cssSelector(".message.assistant .reply-text")).getText())
            .doesNotContain("Earlier");
        assertThat(this.browser.findElement(By.id("total-replies")).getText()).isEqualTo("1");
    }

    @Test
    void theHeaderShowsTheOfflineSimulatorBadgeTheModelAndThatPricesAreExamples() {
        this.browser.get("http://127.0.0.1:" + this.port + "/");
        WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20), Duration.ofMillis(50));
        wait.until((driver) -> driver.findElement(By.id("offline-badge")).isDisplayed());

        assertThat(this.browser.findElement(By.id("offline-badge")).getText()).isEqualToIgnoringCase("offline simulator");
        assertThat(this.browser.findElement(By.id("model")).getText()).isEqualTo("model MiniMax-M3");
        assertThat(this.browser.findElement(By.id("pricing-label")).getText()).startsWith("costs: example prices");
    }

    private void ask(WebDriverWait wait, String prompt, int expectedReplies) {
        this.browser.findElement(By.id("prompt")).sendKeys(prompt);
        this.browser.findElement(By.id("send")).click();
        wait.until((driver) -> {
            List<WebElement> usages = driver.findElements(By.cssSelector(".message.assistant .usage"));
            return usages.size() == expectedReplies && !usages.get(expectedReplies - 1).getText().isEmpty()
                    && driver.findElement(By.id("send")).isEnabled();
        });
    }

    @Test
    void aStreamedReplyAppearsInStepsWithItsUsageAndTheRunningTotals() throws Exception {
        this.browser.get("http://127.0.0.1:" + this.port + "/");
        this.browser.findElement(By.id("prompt")).sendKeys("How do Server-Sent Events work?");
        this.browser.findElement(By.id("send")).click();

        List<Integer> lengths = new ArrayList<>();
        WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20), Duration.ofMillis(40));
        wait.until((driver) -> {
            List<WebElement> replies = driver.findElements(By.cssSelector(".message.assistant .reply-text"));
            int length = replies.isEmpty() ? 0 : replies.get(0).getText().length();
            if (lengths.isEmpty() || lengths.get(lengths.size() - 1) != length) {
                lengths.add(length);
            }
            return !driver.findElement(By.cssSelector(".usage")).getText().isEmpty();
        });

        String reply = this.browser.findElement(By.cssSelector(".message.assistant .reply-text")).getText();
        assertThat(reply).contains("How do Server-Sent Events work?");
        assertThat(lengths.stream().filter((length) -> length > 0 && length < reply.length()))
            .as("partial replies seen while streaming: %s", lengths).hasSizeGreaterThanOrEqualTo(3);
        WebElement usage = this.browser.findElement(By.cssSelector(".usage"));
        assertThat(usage.getText()).matches("tokens: in \\d+ \\(cache read \\d+\\) · out \\d+ · total \\d+");
        assertThat(Integer.parseInt(usage.getDomAttribute("data-output"))).isPositive();
        assertThat(Integer.parseInt(this.browser.findElement(By.id("total-input")).getText())).isPositive();
        assertThat(this.browser.findElement(By.id("total-replies")).getText()).isEqualTo("1");
        assertThat(this.browser.findElement(By.cssSelector(".thinking summary")).getText()).isEqualTo("Thinking");

        Path screenshot = Path.of("target", "e2e", "chat-page.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(screenshot)).isPositive();
    }
}
