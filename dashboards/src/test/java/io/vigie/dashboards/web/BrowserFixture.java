package io.vigie.dashboards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium against a {@link WebFixture}: Debian's {@code chromium} and
 * {@code chromedriver} at fixed paths (overridable with {@code -Dvigie.chromium=} / {@code -Dvigie.chromedriver=}),
 * nothing downloaded, a fresh profile per browser. Every page gets, before its own scripts, hooks that record any
 * {@code alert}/{@code confirm}/{@code prompt}, {@code console} call and CSP violation into
 * {@code window.__vigieHooks}; {@link #assertNoScriptRan()} fails on any of them.
 */
public final class BrowserFixture implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("vigie.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("vigie.chromedriver", "/usr/bin/chromedriver"));
    public static final Dimension DESKTOP = new Dimension(1280, 1000);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String HOOKS = """
            (() => {
              const h = window.__vigieHooks = {alerts: [], console: [], csp: [], errors: []};
              window.addEventListener("error", (e) => { h.errors.push(String(e.message) + " at " + e.filename + ":" + e.lineno); });
              window.addEventListener("unhandledrejection", (e) => { h.errors.push("unhandled: " + e.reason); });
              for (const name of ["alert", "confirm", "prompt", "print"]) {
                window[name] = (...args) => { h.alerts.push(name + ": " + args.join(" ")); return null; };
              }
              for (const level of ["log", "info", "warn", "error", "debug"]) {
                const original = console[level];
                console[level] = (...args) => { h.console.push(level + ": " + args.join(" ")); original.apply(console, args); };
              }
              document.addEventListener("securitypolicyviolation", (e) => {
                h.csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
              });
            })();
            """;

    private final String baseUrl;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private BrowserFixture(String baseUrl, String testName, Dimension size) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("browser tests need Chromium and its driver: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages 'chromium' and 'chromium-driver': apt-get install -y chromium chromium-driver)");
        }
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("vigie-chromium-");
        this.screenshots = Path.of("target", "screenshots", testName);
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight(), "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOKS));
    }

    public static BrowserFixture open(WebFixture web, String testName) throws IOException {
        return new BrowserFixture(web.url(""), testName, DESKTOP);
    }

    public static BrowserFixture open(WebFixture web, String testName, Dimension size) throws IOException {
        return new BrowserFixture(web.url(""), testName, size);
    }

    /** A browser on any server, e.g. {@code http://127.0.0.1:<port>}. */
    public static BrowserFixture open(String baseUrl, String testName) throws IOException {
        return new BrowserFixture(baseUrl, testName, DESKTOP);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement await(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Signs in through the form and lands on {@code next}. */
    public void signIn(String user, String next) {
        go("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        find("#name").sendKeys(user);
        find("#password").sendKeys(WebFixture.PASSWORD);
        find("#signin").click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/signin"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("still on the sign-in page: " + driver.getCurrentUrl() + "\n" + driver.getPageSource(), e);
        }
    }

    /** Waits until the page's EventSource is open (the page sets {@code body[data-live=open]}). */
    public void awaitLive() {
        try {
            await("body[data-live=open]", Duration.ofSeconds(10));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the live channel did not open on " + driver.getCurrentUrl() + ": hooks " + hooks()
                    + ", body data-live=" + js("return document.body.dataset.live;"), e);
        }
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** What the hooks recorded on the current page: alerts, console calls and CSP violations. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> hooks() {
        Object h = js("return window.__vigieHooks || {alerts: ['hooks missing'], console: [], csp: [], errors: []};");
        return (Map<String, List<String>>) h;
    }

    public void assertNoScriptRan() {
        Map<String, List<String>> h = hooks();
        assertEquals(Map.of("alerts", List.of(), "console", List.of(), "csp", List.of(), "errors", List.of()), h,
                "on " + driver.getCurrentUrl());
    }

    /** Saves the viewport as {@code target/screenshots/<test>/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** A full-page screenshot (through the DevTools protocol), for the README. */
    public Path fullPageScreenshot(String name) throws IOException {
        Number height = (Number) js("return Math.min(4000, document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.getWidth(), height.intValue() + 100));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    public WebDriver.Options manage() {
        return driver.manage();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
