package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StockPagesIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void aLeaderSetsUpItemsAndPlacesReceivesMovesAndCorrectsStockAndStartsARound() {
    Http browser = leader();
    String office = save(browser, "/relief/locations", Map.of("name", "Office store"));
    String church = save(browser, "/relief/locations", Map.of("name", "Church hall"));
    String dal =
        save(
            browser,
            "/relief/items",
            Map.of("nameEn", "Dal", "nameTe", "పప్పు", "unit", "KG", "category", "FOOD"));
    String catalogue = browser.get("/relief/catalogue").body();
    assertThat(catalogue).contains("Office store").contains("Church hall").contains("Dal");
    String dalId = optionValue(catalogue, "Dal (kg)");
    String officeId = optionValue(browser.get("/relief/stock/receive").body(), "Office store");
    String churchId = optionValue(browser.get("/relief/stock/receive").body(), "Church hall");
    assertThat(dal).isEqualTo("/relief/catalogue");

    Map<String, String> kit = new LinkedHashMap<>();
    kit.put("nameEn", "Ration kit");
    kit.put("lines[0].item", dalId);
    kit.put("lines[0].quantity", "2");
    save(browser, "/relief/kits", kit);
    assertThat(browser.get("/relief/catalogue").body()).contains("Ration kit").contains("2 kg");

    String soon = LocalDate.now().plusDays(10).toString();
    Map<String, String> receipt = new LinkedHashMap<>();
    receipt.put("locationId", officeId);
    receipt.put("itemId", dalId);
    receipt.put("quantity", "50");
    receipt.put("source", "GOVERNMENT");
    receipt.put("expiresOn", soon);
    assertThat(save(browser, "/relief/stock/receive", receipt)).isEqualTo("/relief/stock");
    String stock = browser.get("/relief/stock").body();
    assertThat(stock).contains("id=\"expiring\"").contains("50 kg");

    Map<String, String> move = new LinkedHashMap<>();
    move.put("fromLocationId", officeId);
    move.put("toLocationId", churchId);
    move.put("itemId", dalId);
    move.put("quantity", "20");
    save(browser, "/relief/stock/move", move);
    Map<String, String> spoiled = new LinkedHashMap<>();
    spoiled.put("locationId", churchId);
    spoiled.put("itemId", dalId);
    spoiled.put("change", "-3");
    spoiled.put("reason", "SPOILED");
    save(browser, "/relief/stock/adjust", spoiled);
    assertThat(onHand(officeId)).isEqualTo("30");
    assertThat(onHand(churchId)).isEqualTo("17");

    Map<String, String> round = new LinkedHashMap<>();
    round.put("name", "Dal for the lockdown");
    round.put("startsOn", "2026-05-01");
    round.put("endsOn", "2026-05-07");
    round.put("locationId", churchId);
    round.put("lines[0].item", dalId);
    round.put("lines[0].quantity", "1");
    round.put("eligibility", "HOUSEHOLDS_WITH_OPEN_FOOD_NEED");
    round.put("rule", "ONCE_PER_HOUSEHOLD");
    String created = save(browser, "/relief/rounds", round);
    assertThat(created).startsWith("/relief/rounds/");
    assertThat(browser.get(created).body())
        .contains("Round created.")
        .contains("Dal for the lockdown");
    assertThat(
            jdbc.sql("select meets_food_needs from distribution_round where name = :name")
                .param("name", "Dal for the lockdown")
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  @Test
  void wrongEntriesAreShownAgainWithAMessageAndNothingIsSaved() {
    Http browser = leader();
    save(browser, "/relief/locations", Map.of("name", "Office store"));
    save(
        browser,
        "/relief/items",
        Map.of("nameEn", "Masks", "unit", "PIECE", "category", "HYGIENE"));
    String form = browser.get("/relief/stock/adjust").body();
    String maskId = optionValue(form, "Masks (piece)");
    String officeId = optionValue(form, "Office store");

    Map<String, String> receipt = new LinkedHashMap<>();
    receipt.put("locationId", officeId);
    receipt.put("itemId", maskId);
    receipt.put("quantity", "ten");
    receipt.put("source", "NETWORK");
    var refused = post(browser, "/relief/stock/receive", receipt);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Give a quantity above zero").contains("value=\"ten\"");
    assertThat(onHand(officeId)).isNull();

    receipt.put("quantity", "5");
    receipt.put("expiresOn", "next month");
    var badDate = post(browser, "/relief/stock/receive", receipt);
    assertThat(badDate.statusCode()).isEqualTo(200);
    assertThat(badDate.body())
        .contains("f-expiresOn-error")
        .contains("value=\"next month\"")
        .contains("value=\"5\"");
    assertThat(onHand(officeId)).as("a date that cannot be read is not saved as none").isNull();

    receipt.remove("expiresOn");
    save(browser, "/relief/stock/receive", receipt);
    Map<String, String> lost = new LinkedHashMap<>();
    lost.put("locationId", officeId);
    lost.put("itemId", maskId);
    lost.put("change", "-9");
    lost.put("reason", "LOST");
    var tooMany = post(browser, "/relief/stock/adjust", lost);
    assertThat(tooMany.body()).contains("Not enough stock: only 5 left.");
    assertThat(onHand(officeId)).isEqualTo("5");

    Map<String, String> kit = new LinkedHashMap<>();
    kit.put("nameEn", "Hygiene kit");
    kit.put("lines[0].item", maskId);
    kit.put("lines[0].quantity", "2");
    kit.put("lines[1].item", maskId);
    kit.put("lines[1].quantity", "lots");
    assertThat(post(browser, "/relief/kits", kit).body()).contains("Give a quantity above zero");
    assertThat(browser.get("/relief/catalogue").body()).doesNotContain("Hygiene kit");

    var noName = post(browser, "/relief/items", Map.of("unit", "KG", "category", "FOOD"));
    assertThat(noName.body()).contains("Give the name in at least one language.");
    var noRound = post(browser, "/relief/rounds", Map.of("name", "", "locationId", officeId));
    assertThat(noRound.body()).contains("Nothing was saved").contains("Give the round a name");
    assertThat(browser.get("/relief/stock/elsewhere").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherCollectiveSeesNoneOfTheStockAndCannotUseItsPlacesOrItems() {
    Http first = leader();
    save(first, "/relief/locations", Map.of("name", "First office"));
    save(first, "/relief/items", Map.of("nameEn", "Rice", "unit", "KG", "category", "FOOD"));
    String form = first.get("/relief/stock/receive").body();
    String riceId = optionValue(form, "Rice (kg)");
    String officeId = optionValue(form, "First office");

    Http other = leader();
    assertThat(other.get("/relief/catalogue").body()).doesNotContain("First office");
    assertThat(other.get("/relief/stock").body()).doesNotContain("Rice");
    save(other, "/relief/locations", Map.of("name", "Other office"));
    save(other, "/relief/items", Map.of("nameEn", "Oil", "unit", "LITRE", "category", "FOOD"));
    Map<String, String> receipt = new LinkedHashMap<>();
    receipt.put("locationId", officeId);
    receipt.put("itemId", riceId);
    receipt.put("quantity", "5");
    receipt.put("source", "NETWORK");
    var refused = post(other, "/relief/stock/receive", receipt);
    assertThat(refused.body()).contains("This place is not one of your collective");
    assertThat(onHand(officeId)).isNull();
  }

  @Test
  void aRoundForAListTakesMemberCodesAndRefusesOnesThatAreNotMembers() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Relief api = new Relief(http(), http().token(leader.username(), leader.password()));
    String rice = api.item("Rice", "KG");
    String office = api.location("Office");
    api.receive(office, rice, "20", null);
    String listed = api.member("Kamala");
    String other = api.member("Radha");
    String code = Relief.field(api.get("/api/v1/members/" + listed).body(), "code");
    Http browser = http();
    browser.signIn(leader.username(), leader.password());

    Map<String, String> round = new LinkedHashMap<>();
    round.put("name", "Listed households");
    round.put("startsOn", "2026-05-01");
    round.put("endsOn", "2026-05-07");
    round.put("locationId", office);
    round.put("lines[0].item", rice);
    round.put("lines[0].quantity", "5");
    round.put("eligibility", "LIST");
    round.put("rule", "ONCE_PER_HOUSEHOLD");
    round.put("memberCodes", code + ", NOPE-999");
    var refused = post(browser, "/relief/rounds", round);
    assertThat(refused.body()).contains("Some of these codes are not members");
    round.put("memberCodes", code.toLowerCase(java.util.Locale.ROOT));
    String created = save(browser, "/relief/rounds", round);
    String id = created.substring("/relief/rounds/".length());
    assertThat(api.give(id, "{\"memberId\":\"%s\"}".formatted(listed)).statusCode()).isEqualTo(201);
    assertThat(api.give(id, "{\"memberId\":\"%s\"}".formatted(other)).statusCode()).isEqualTo(422);
  }

  private Http leader() {
    var leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http browser = http();
    browser.signIn(leader.username(), leader.password());
    return browser;
  }

  /** Posts a form that must be accepted; returns where it redirects to. */
  private static String save(Http browser, String path, Map<String, String> form) {
    var response = post(browser, path, form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    var uri = java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
    return uri.getRawPath();
  }

  private static HttpResponse<String> post(Http browser, String path, Map<String, String> form) {
    return browser.postForm(path, form, "/relief/catalogue");
  }

  private static String optionValue(String page, String label) {
    var m =
        java.util.regex.Pattern.compile(
                "<option value=\"([0-9a-f-]{36})\"[^>]*>" + java.util.regex.Pattern.quote(label))
            .matcher(page);
    assertThat(m.find()).as("an option " + label).isTrue();
    return m.group(1);
  }

  private String onHand(String location) {
    return jdbc.sql("select sum(on_hand) from stock_balance where location_id = cast(:l as uuid)")
        .param("l", location)
        .query(java.math.BigDecimal.class)
        .optional()
        .map(q -> q == null ? null : q.stripTrailingZeros().toPlainString())
        .orElse(null);
  }
}
