package org.uei.p2p.network.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.uei.p2p.examples.network.ConsoleLogins;
import org.uei.p2p.examples.network.DemoNetwork;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.NetworkDemo;
import org.uei.p2p.network.Await;

/**
 * The operator console as a person sees it in a browser, on the demo network after its trading day:
 * the seller's orders, a transaction's messages with their signature checks, its cascades,
 * allocations and a utility's meter data imports, the SLDC chart of a utility, the buyer's
 * statement, the audit verification, and who may do what. Screenshots of the main pages go to
 * {@code target/console-screenshots}.
 */
class ConsoleBrowserIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static DemoNetwork net;
  private static ConsoleBrowser browser;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of("target", "browser-" + System.currentTimeMillis()).toAbsolutePath();
    browser =
        new ConsoleBrowser(
            dir.resolve("chromium-profile"),
            Path.of(System.getProperty("uei.console.screenshots", "target/console-screenshots")));
    net = DemoNetwork.start(dir, Path.of("").toAbsolutePath().getParent());
    List<String> failed = NetworkDemo.playTradingDay(net, System.out);
    assertEquals(List.of(), failed, "the demo's trading day went as expected");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (net != null) {
      net.close();
    }
  }

  private static String seller() {
    return net.node(DemoNetwork.SELLER_PLATFORM).url();
  }

  private static void as(String role) {
    ConsoleLogins.Login l = DemoNetwork.CONSOLE.of(role);
    browser.signIn(l.user(), l.password());
  }

  @Test
  void theSellersOrderListShowsTheDemosOrdersAndATransactionItsSignedMessages() throws Exception {
    as("viewer");
    browser.open(seller() + "/console", "01-seller-overview");
    assertTrue(browser.driver.findElement(By.id("market-now")).getText().endsWith("Z"));
    browser.open(seller() + "/console/seller/orders", "02-seller-orders");
    Set<String> shown = new HashSet<>();
    browser
        .driver
        .findElements(By.cssSelector("#orders td.order-id"))
        .forEach(td -> shown.add(td.getText()));
    JsonNode orders = Json.get(seller() + "/provider/orders").expect(200);
    assertTrue(orders.size() > 0, "the demo made orders");
    for (JsonNode o : orders) {
      assertTrue(shown.contains(o.get("id").asText()), "order " + o.get("id") + " listed");
    }
    WebElement first = browser.driver.findElement(By.cssSelector("#orders tr.order a"));
    first.click();
    browser.screenshot("03-seller-transaction");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#messages tr.message"));
    List<String> actions =
        rows.stream().map(r -> r.findElement(By.cssSelector("td.action")).getText()).toList();
    assertTrue(actions.contains("confirm") && actions.contains("on_confirm"), actions.toString());
    for (WebElement r : rows) {
      String sig = r.findElement(By.cssSelector("td.signature")).getText();
      assertTrue(sig.startsWith("valid: signed by "), sig);
    }
    browser.open(seller() + "/console/seller/offers", "04-seller-offers");
    browser.open(seller() + "/console/seller/settlements", "05-seller-settlements");
    assertFalse(
        browser.driver.findElements(By.cssSelector("#chart-delivery-slots rect.bar")).isEmpty());
  }

  @Test
  void theSldcChartOfAUtilityRendersWithTheDemosSlots() throws Exception {
    as("viewer");
    String utility = net.node(DemoNetwork.PVVNL_UTILITY).url();
    browser.open(utility + "/console/utility/flows", "06-utility-flows");
    List<WebElement> bars = browser.driver.findElements(By.cssSelector("svg.chart rect.bar"));
    assertFalse(bars.isEmpty(), "the chart has bars");
    JsonNode trades = Json.get(utility + "/utility/trades").expect(200);
    StringBuilder text = new StringBuilder();
    browser.driver.findElements(By.cssSelector("svg.chart")).forEach(c -> text.append(c.getText()));
    for (JsonNode t : trades) {
      String start = t.path("slotStart").asText(t.path("slot_start").asText());
      if (start.length() >= 16) {
        String label = start.substring(5, 10) + " " + start.substring(11, 16);
        assertTrue(text.indexOf(label) >= 0, "slot " + label + " on a chart: " + text);
      }
    }
    browser.open(utility + "/console/utility/consumers", "07-utility-consumers");
  }

  @Test
  void cascadesAllocationsImportsAndStatementsRender() throws Exception {
    as("viewer");
    browser.open(seller() + "/console/seller/cascades", "12-seller-cascades");
    List<WebElement> cascades = browser.driver.findElements(By.cssSelector("#cascades tr.cascade"));
    assertFalse(cascades.isEmpty(), "the demo's confirms were cascaded to the utilities");
    assertFalse(
        browser.driver.findElements(By.cssSelector("#cascades div.leg")).isEmpty(),
        "each cascade shows its legs");
    browser.open(seller() + "/console/seller/allocations", "13-seller-allocations");
    assertFalse(browser.driver.findElements(By.id("chart-allocation-days")).isEmpty());
    String utility = net.node(DemoNetwork.PVVNL_UTILITY).url();
    browser.open(utility + "/console/meter-data", "14-utility-meter-data");
    assertFalse(
        browser.driver.findElements(By.cssSelector("#imports tr.import")).isEmpty(),
        "the demo's MDMS file is listed");
    browser.open(
        net.node(DemoNetwork.BUYER_PLATFORM).url() + "/console/buyer/statements",
        "15-buyer-statements");
    assertFalse(browser.driver.findElements(By.id("statement-trades")).isEmpty());
  }

  @Test
  void theAuditVerifyButtonReportsSuccess() throws Exception {
    as("viewer");
    browser.open(seller() + "/console/audit", "08-audit");
    browser.driver.findElement(By.id("verify")).click();
    Await.until(
        () -> !browser.driver.findElements(By.id("verify-result")).isEmpty(),
        Duration.ofSeconds(60),
        "the verification's verdict on the page");
    browser.screenshot("09-audit-verified");
    String result = browser.driver.findElement(By.id("verify-result")).getText();
    assertTrue(result.startsWith("audit log verified: "), result);
  }

  @Test
  void aStrangerIsRefusedAndAViewerCannotRetryACallback() throws Exception {
    HttpResponse<String> anonymous =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(seller() + "/console")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());
    as("viewer");
    browser.open(seller() + "/console/callbacks?kind=delivered", "10-callbacks-viewer");
    assertTrue(
        browser.driver.findElements(By.cssSelector("form[action*='/retry'] button")).isEmpty(),
        "no retry button for a viewer");
    long id =
        Long.parseLong(
            browser.driver.findElement(By.cssSelector("#callbacks tbody tr td")).getText());
    ConsoleLogins.Login viewer = DemoNetwork.CONSOLE.of("viewer");
    HttpResponse<String> retry =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(seller() + "/console/callbacks/" + id + "/retry"))
                .header("Authorization", basic(viewer))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, retry.statusCode(), "a viewer may not retry");
    as("operator");
    browser.open(
        net.node(DemoNetwork.BUYER_PLATFORM).url() + "/console/buyer/requests",
        "11-buyer-requests");
    assertFalse(browser.driver.findElements(By.cssSelector("#requests tr.request")).isEmpty());
  }

  private static String basic(ConsoleLogins.Login l) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((l.user() + ":" + l.password()).getBytes(StandardCharsets.UTF_8));
  }
}
