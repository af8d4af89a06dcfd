package org.sahay.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahay.Pages.location;
import static org.sahay.support.SupportRequestIntegrationTest.field;
import static org.sahay.support.SupportRequestIntegrationTest.lineIds;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.Documents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The support request pages end to end: a leader drafts a request line by line with members found
 * by code or name, attaches a quote and sends it; the funder decides per line seeing codes only;
 * the leader pays with a proof, marks the need met, reverses; the reconciliation shows who still
 * waits. Strangers find nothing, files are sealed, and bad files are refused in the reader's
 * language.
 */
class SupportPagesIntegrationTest extends IntegrationTest {

  private static final String ASHA = "Synthetic Asha Payee";
  private static final String BINA = "Synthetic Bina Payee";
  private static final byte[] PDF =
      "%PDF-1.4\nsynthetic quote: Kirana store, 40 ration kits\n%%EOF"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] PNG =
      concat(
          new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
          "synthetic-upi-receipt-marker".getBytes(StandardCharsets.UTF_8));

  @Autowired private Organisations organisations;
  @Autowired private JdbcClient jdbc;

  private record Scene(
      Organisation collective,
      Organisation funder,
      Fixtures.TestUser leader,
      Fixtures.TestUser funderViewer,
      String leaderToken,
      String adminToken,
      String funderToken,
      String asha,
      String ashaCode,
      String bina,
      String binaCode) {}

  @Test
  void aLeaderDraftsSendsAndPaysWithProofWhileTheFunderDecidesSeeingCodesOnly() {
    Scene s = scene();
    Http leader = browser(s.leader);
    String need =
        location(
            leader.postForm(
                "/needs",
                Map.of("member", s.asha, "category", "food", "severity", "HIGH"),
                "/needs/new?member=" + s.asha));

    assertThat(leader.get("/support/new").body()).contains(s.funder.name());
    var created =
        leader.postForm(
            "/support",
            Map.of(
                "addressedTo",
                s.funder.id().value().toString(),
                "title",
                "Lockdown cash support",
                "justification",
                "Work stopped for two months."),
            "/support/new");
    String linesNew = location(created);
    assertThat(linesNew).matches("/support/[0-9a-f-]{36}/lines/new");
    String base = linesNew.replace("/lines/new", "");
    String id = base.substring("/support/".length());

    var found =
        leader.postForm(
            base + "/lines",
            Map.of("action", "find", "q", "Synthetic Asha", "description", "Cash for food"),
            linesNew);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains(s.ashaCode, ASHA, "value=\"Cash for food\"");

    var unknown =
        leader.postForm(
            base + "/lines",
            line("CASH_RELIEF", "Cash for food", "1000", "ZZ-999999", ""),
            linesNew);
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("ZZ-999999", "are not members of your collective");
    assertThat(
            location(
                save(
                    leader,
                    base,
                    line(
                        "CASH_RELIEF",
                        "Cash for food",
                        "1000",
                        s.ashaCode + " " + s.binaCode.toLowerCase(),
                        ""))))
        .isEqualTo(base);
    assertThat(location(save(leader, base, line("RENT_AND_BILLS", "Rent", "500", "", s.binaCode))))
        .isEqualTo(base);
    save(leader, base, line("OTHER", "Remove me", "10", s.ashaCode, ""));
    List<String> lines = lineIds(api(s.leaderToken, "/api/v1/support-requests/" + id));
    assertThat(lines).hasSize(3);
    assertThat(leader.get(base + "/lines/" + lines.get(1) + "/edit").body())
        .contains(">" + s.binaCode + "</textarea>");
    leader.postForm(base + "/lines/" + lines.get(2) + "/remove", Map.of(), base);
    assertThat(leader.get(base).body())
        .doesNotContain("Remove me")
        .contains("The line was removed.");

    var attached = leader.postFile(base + "/attachments", "file", "quote.pdf", PDF, base);
    assertThat(location(attached)).startsWith(base);
    assertThat(leader.get(base).body()).contains("The file was stored, encrypted.", "PDF document");
    assertThat(location(leader.postForm(base + "/submit", Map.of(), base))).isEqualTo(base);
    assertThat(leader.get(base).body()).contains("id=\"status\">Submitted<");

    Http funder = browser(s.funderViewer);
    assertThat(funder.get("/support").body()).contains("Lockdown cash support");
    String seen = funder.get(base).body();
    assertThat(seen)
        .contains(s.ashaCode, "Household of " + s.binaCode, "id=\"decision\"")
        .doesNotContain(ASHA, BINA, "Synthetic");
    String attachment = firstMatch(seen, base + "/attachments/([0-9a-f-]{36})");
    var quote = funder.get(base + "/attachments/" + attachment);
    assertThat(quote.statusCode()).isEqualTo(200);
    assertThat(quote.body()).contains("synthetic quote");
    Map<String, String> decision = new LinkedHashMap<>();
    decision.put("version", firstMatch(seen, "name=\"version\" value=\"(\\d+)\""));
    decision.put("lines[0].lineId", lines.get(0));
    decision.put("lines[0].approved", "800");
    decision.put("lines[0].comment", "Approved for eight weeks");
    decision.put("lines[1].lineId", lines.get(1));
    decision.put("lines[1].approved", "1000");
    var tooMuch = funder.postForm(base + "/decision", decision, base);
    assertThat(tooMuch.statusCode()).isEqualTo(200);
    assertThat(tooMuch.body()).contains("cannot be more than the amount asked for");
    decision.put("lines[1].approved", "500");
    assertThat(location(funder.postForm(base + "/decision", decision, base))).isEqualTo(base);
    assertThat(funder.get(base).body())
        .contains("id=\"status\">Partly approved<", "Approved for eight weeks", "₹800");
    funder.postForm(base + "/comments", Map.of("body", "Send the receipts please."), base);
    assertThat(leader.get(base).body()).contains("Send the receipts please.");

    String grant = field(api(s.leaderToken, "/api/v1/support-requests/" + id), "grantId");
    receiveInstalment(s, grant, "1300");
    String pay = base + "/lines/" + lines.get(0) + "/pay";
    assertThat(leader.get(pay).body()).contains(s.ashaCode, ASHA, "Still waiting");
    String form = pay + "?to=M:" + s.asha;
    assertThat(leader.get(form).body()).contains("name=\"need\" value=\"" + need.substring(7));

    Map<String, String> payment = new LinkedHashMap<>();
    payment.put("to", "M:" + s.asha);
    payment.put("amount", "500");
    payment.put("mode", "UPI");
    payment.put("reference", "UPI-SYNTH-77");
    payment.put("paidOn", "2026-01-06");
    payment.put("need", need.substring(7));
    var refused =
        multipart(leader, pay, payment, "proof", "receipt.png", "<html>".getBytes(), form);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("is not a photo", "Nothing was saved");
    assertThat(api(s.leaderToken, "/api/v1/support-requests/" + id + "/disbursements"))
        .isEqualTo("[]");

    var paid = multipart(leader, pay, payment, "proof", "receipt.png", PNG, form);
    assertThat(location(paid)).startsWith(base);
    String page = leader.get(base).body();
    assertThat(page).contains("The payment was recorded.", "Open the proof");
    assertThat(leader.get(need).body()).contains("id=\"need-status\">Met<");
    String disbursement = firstMatch(page, "/support/disbursements/([0-9a-f-]{36})/proof");
    var proof = leader.get("/support/disbursements/" + disbursement + "/proof");
    assertThat(proof.statusCode()).isEqualTo(200);
    assertThat(proof.body()).contains("synthetic-upi-receipt-marker");
    assertThat(audits("DISBURSEMENT_PROOF_READ", id)).isEqualTo(1);
    byte[] sealed =
        jdbc.sql("select content from support_file where disbursement_id = :d")
            .param("d", UUID.fromString(disbursement))
            .query((rs, n) -> rs.getBytes(1))
            .single();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain("synthetic-upi-receipt-marker", "PNG", "iVBOR");
    assertThat(audits("SUPPORT_ATTACHMENT_READ", id)).isEqualTo(1);
    assertThat(funder.get("/support/disbursements/" + disbursement + "/proof").statusCode())
        .as("a proof names the person paid: it stays with the collective")
        .isEqualTo(404);
    assertThat(funder.get(base).body()).doesNotContain("Open the proof", ASHA);

    String reconciliation = funder.get(base + "/reconciliation").body();
    assertThat(reconciliation)
        .contains("₹800", "₹500", "₹300", s.binaCode)
        .doesNotContain(ASHA, BINA, "Synthetic");
    var csv = funder.get(base + "/reconciliation.csv");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .contains("80000,50000,30000", s.binaCode)
        .doesNotContain(s.ashaCode + " ", ASHA, BINA);
    assertThat(audits("SUPPORT_RECONCILIATION_EXPORTED", id)).isEqualTo(1);

    var reversed =
        leader.postForm(
            "/support/disbursements/" + disbursement + "/reversal",
            Map.of("requestId", id, "reason", "Paid to the wrong UPI id"),
            base);
    assertThat(location(reversed)).startsWith(base);
    assertThat(leader.get(base).body()).contains("The payment was reversed.", "Reversed");
    assertThat(leader.get(base + "/reconciliation").body()).contains("₹0", "₹800", s.ashaCode);

    assertThat(funder.get(base).body()).doesNotContain("id=\"close-request\"");
    assertThat(leader.get(base).body()).contains("id=\"close-request\"");
    var closed = leader.postForm(base + "/close", Map.of(), base);
    assertThat(location(closed)).isEqualTo(base);
    assertThat(leader.get(base).body())
        .contains("The request is closed.", "id=\"status\">Closed<")
        .doesNotContain("id=\"close-request\"");
  }

  @Test
  void strangersFindNoPageNoAttachmentAndNoProof() {
    Scene s = scene();
    String id = apiRequest(s);
    String lineId = lineIds(api(s.leaderToken, "/api/v1/support-requests/" + id)).get(0);
    String key = UUID.randomUUID().toString();
    var attached =
        apiFile(s.leaderToken, "/api/v1/support-requests/" + id + "/attachments", PDF, key);
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    var again = apiFile(s.leaderToken, "/api/v1/support-requests/" + id + "/attachments", PDF, key);
    assertThat(field(again.body(), "id")).isEqualTo(field(attached.body(), "id"));
    assertThat(api(s.leaderToken, "/api/v1/support-requests/" + id + "/attachments"))
        .containsOnlyOnce("\"contentType\":\"application/pdf\"");
    String attachment = field(attached.body(), "id");
    http()
        .postJson(
            "/api/v1/support-requests/" + id + "/submit",
            "{}",
            "Authorization",
            Http.bearer(s.leaderToken));
    String seen = api(s.funderToken, "/api/v1/support-requests/" + id);
    String decided =
        http()
            .postJson(
                "/api/v1/support-requests/" + id + "/decision",
                "{\"lines\":[{\"lineId\":\"%s\",\"approved\":\"1000\"}]}"
                    .formatted(lineIds(seen).get(0)),
                "Authorization",
                Http.bearer(s.funderToken))
            .body();
    receiveInstalment(s, field(decided, "grantId"), "1000");
    String paid =
        http()
            .postJson(
                "/api/v1/disbursements",
                """
                {"requestId":"%s","lineId":"%s","memberId":"%s","amount":"300","mode":"UPI",
                 "paidOn":"2026-01-06"}
                """
                    .formatted(id, lineId, s.asha),
                "Authorization",
                Http.bearer(s.leaderToken))
            .body();
    String disbursement = field(paid, "id");
    var proof =
        apiFile(s.leaderToken, "/api/v1/disbursements/" + disbursement + "/proof", PNG, null);
    assertThat(proof.statusCode()).as(proof.body()).isEqualTo(201);
    String proofPath = "/api/v1/disbursements/" + disbursement + "/proof";
    assertThat(api(s.leaderToken, proofPath)).contains("synthetic-upi-receipt-marker");

    // Mentors of the collective read it and comment, with codes only.
    Organisation mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, s.collective.id());
    Http mentorStaff = browser(fixtures.user(mentor, Role.MENTOR_STAFF));
    assertThat(mentorStaff.get("/support").body()).contains("/support/" + id);
    String mentorPage = mentorStaff.get("/support/" + id).body();
    assertThat(mentorPage).contains(s.ashaCode).doesNotContain(ASHA, "id=\"decision\"");
    mentorStaff.postForm(
        "/support/" + id + "/comments", Map.of("body", "Well documented."), "/support/" + id);
    assertThat(mentorStaff.get("/support/" + id).body()).contains("Well documented.");

    Organisation linkedFunder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), linkedFunder.id(), LinkKind.FUNDER_OF, s.collective.id());
    List<Fixtures.TestUser> strangers =
        List.of(
            fixtures.user(fixtures.organisation(OrganisationKind.FUNDER), Role.FUNDER_VIEWER),
            fixtures.user(linkedFunder, Role.FUNDER_VIEWER),
            fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER),
            fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN));
    String base = "/support/" + id;
    for (Fixtures.TestUser stranger : strangers) {
      Http http = browser(stranger);
      for (String path :
          List.of(
              base,
              base + "/reconciliation",
              base + "/reconciliation.csv",
              base + "/attachments/" + attachment,
              base + "/lines/new",
              base + "/lines/" + lineId + "/pay",
              base + "/lines/" + lineId + "/pay?to=M:" + s.asha,
              "/support/disbursements/" + disbursement + "/proof")) {
        var response = http.get(path);
        assertThat(response.statusCode()).as(stranger.username() + " " + path).isEqualTo(404);
        assertThat(response.body()).doesNotContain(ASHA, "synthetic quote", "Lockdown");
      }
      assertThat(http.get("/support").body()).doesNotContain(id);
      String token = http.token(stranger.username(), stranger.password());
      for (String path :
          List.of(
              "/api/v1/support-requests/" + id + "/attachments/" + attachment,
              "/api/v1/support-requests/" + id + "/attachments",
              "/api/v1/disbursements/" + disbursement + "/proof")) {
        assertThat(http.get(path, "Authorization", Http.bearer(token)).statusCode())
            .as(stranger.username() + " " + path)
            .isEqualTo(404);
      }
      var upload = apiFile(token, "/api/v1/support-requests/" + id + "/attachments", PDF, null);
      assertThat(upload.statusCode()).isEqualTo(404);
    }
    assertThat(attachments(id)).as("strangers stored nothing").isOne();

    // Erasing the member paid destroys the key of the proof of what she was paid.
    assertThat(
            http()
                .send(
                    "DELETE",
                    "/api/v1/members/" + s.asha + "?reason=MEMBER_REQUEST",
                    null,
                    "Authorization",
                    Http.bearer(s.adminToken))
                .statusCode())
        .isEqualTo(204);
    assertThat(http().get(proofPath, "Authorization", Http.bearer(s.leaderToken)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void filesAreSealedAndBadOnesAreRefusedInTheReadersLanguageSavingNothing() {
    Scene s = scene();
    String id = apiRequest(s);
    String base = "/support/" + id;
    Http leader = browser(s.leader);
    assertThat(leader.get(base + "?lang=te").statusCode()).isEqualTo(200);
    byte[] big = Arrays.copyOf(PNG, Documents.MAX_BYTES + 1);
    leader.postFile(base + "/attachments", "file", "big.png", big, base);
    assertThat(leader.get(base).body()).contains("ఫైల్ 5 ఎంబీ కంటే పెద్దది", "ఏదీ భద్రపరచలేదు");
    leader.postFile(
        base + "/attachments",
        "file",
        "list.pdf",
        "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8),
        base);
    assertThat(leader.get(base).body()).contains("పీడీఎఫ్ కాదు");
    assertThat(attachments(id)).isZero();

    var api =
        http()
            .postBytes(
                "/api/v1/support-requests/" + id + "/attachments",
                "multipart/form-data; boundary=b",
                multipartBody("b", Map.of(), "file", "x.gif", "GIF89a".getBytes()),
                "Authorization",
                Http.bearer(s.leaderToken),
                "Accept-Language",
                "bn");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("পিডিএফ নয়");
    assertThat(attachments(id)).isZero();

    leader.postFile(base + "/attachments", "file", "quote.pdf", PDF, base);
    assertThat(attachments(id)).isOne();
    byte[] stored =
        jdbc.sql("select content from support_file where request_id = :id and kind = 'ATTACHMENT'")
            .param("id", UUID.fromString(id))
            .query((rs, n) -> rs.getBytes(1))
            .single();
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("%PDF", "Kirana", "JVBER", "c3ludGhldGlj");
  }

  /**
   * Kind support on the pages (issue 12 item 4): the line form offers the relief catalogue, the
   * funder approves a quantity, the leader records what arrived, and the reconciliation shows it.
   */
  @Test
  void aLeaderAsksForGoodsOnThePagesTheFunderApprovesAQuantityAndTheDeliveryIsRecorded() {
    Scene s = scene();
    String item =
        field(
            http()
                .postJson(
                    "/api/v1/items",
                    "{\"nameEn\":\"Rice\",\"unit\":\"KG\",\"category\":\"FOOD\"}",
                    "Authorization",
                    Http.bearer(s.leaderToken))
                .body(),
            "id");
    String store =
        field(
            http()
                .postJson(
                    "/api/v1/stock-locations",
                    "{\"name\":\"Office store\"}",
                    "Authorization",
                    Http.bearer(s.leaderToken))
                .body(),
            "id");
    String id = apiRequest(s);
    String base = "/support/" + id;
    Http leader = browser(s.leader);
    assertThat(leader.get(base + "/lines/new").body()).contains("name=\"itemId\"", "Rice (kg)");
    Map<String, String> goods = line("FOOD_AND_RATIONS", "Rice for Asha", "", s.ashaCode, "");
    goods.put("itemId", item);
    goods.put("quantity", "50");
    save(leader, base, goods);
    assertThat(location(leader.postForm(base + "/submit", Map.of(), base))).isEqualTo(base);

    Http funder = browser(s.funderViewer);
    assertThat(funder.get(base).body()).contains("Goods asked for", "50 kg", "Rice");
    String json = api(s.funderToken, "/api/v1/support-requests/" + id);
    List<String> lines = lineIds(json);
    Map<String, String> decision = new LinkedHashMap<>();
    decision.put("version", firstMatch(json, "\"version\":(\\d+)"));
    decision.put("lines[0].lineId", lines.get(0));
    decision.put("lines[0].approved", "1000");
    decision.put("lines[1].lineId", lines.get(1));
    decision.put("lines[1].approvedQuantity", "eighty");
    var unreadable = funder.postForm(base + "/decision", decision, base);
    assertThat(unreadable.statusCode()).isEqualTo(200);
    assertThat(unreadable.body())
        .contains("id=\"f-lines[1].approvedQuantity-error\"")
        .contains("value=\"eighty\"");
    decision.put("lines[1].approvedQuantity", "80");
    var tooMany = funder.postForm(base + "/decision", decision, base);
    assertThat(tooMany.statusCode()).isEqualTo(200);
    assertThat(tooMany.body()).contains("id=\"f-lines[1].approvedQuantity-error\"");
    decision.put("lines[1].approvedQuantity", "30");
    assertThat(location(funder.postForm(base + "/decision", decision, base))).isEqualTo(base);
    String approved = leader.get(base).body();
    assertThat(approved).contains("id=\"deliver-2\"", "30 kg");

    Map<String, String> delivery = new LinkedHashMap<>();
    delivery.put("lineId", lines.get(1));
    delivery.put("locationId", store);
    delivery.put("quantity", "40");
    var overDelivered = leader.postForm(base + "/deliveries", delivery, base);
    assertThat(overDelivered.statusCode()).isEqualTo(200);
    assertThat(overDelivered.body()).contains("Only 30 more can be received");
    delivery.put("quantity", "30");
    assertThat(location(leader.postForm(base + "/deliveries", delivery, base))).isEqualTo(base);
    String after = leader.get(base).body();
    assertThat(after)
        .contains("The goods are received into stock")
        .doesNotContain("id=\"deliver-2\"");
    assertThat(leader.get(base + "/reconciliation").body())
        .contains("class=\"goods\"", "Handed over", s.ashaCode);
  }

  private Scene scene() {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Organisation funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    Fixtures.TestUser leader = fixtures.user(collective, Role.LEADER);
    Fixtures.TestUser viewer = fixtures.user(funder, Role.FUNDER_VIEWER);
    Http http = http();
    String leaderToken = http.token(leader.username(), leader.password());
    Fixtures.TestUser admin = fixtures.user(collective, Role.ORG_ADMIN);
    String asha = member(leaderToken, ASHA);
    String bina = member(leaderToken, BINA);
    var household =
        http.postJson(
            "/api/v1/households",
            "{\"housing\":\"RENTED\",\"headMemberId\":\"%s\",\"memberIds\":[]}".formatted(bina),
            "Authorization",
            Http.bearer(leaderToken));
    assertThat(household.statusCode()).as(household.body()).isEqualTo(201);
    return new Scene(
        collective,
        funder,
        leader,
        viewer,
        leaderToken,
        http.token(admin.username(), admin.password()),
        http.token(viewer.username(), viewer.password()),
        asha,
        code(leaderToken, asha),
        bina,
        code(leaderToken, bina));
  }

  /** A request with one line for Asha and Bina, made through the API. */
  private String apiRequest(Scene s) {
    var created =
        http()
            .postJson(
                "/api/v1/support-requests",
                """
                {"addressedTo":"%s","title":"Lockdown cash support","justification":"Work stopped.",
                 "lines":[{"category":"CASH_RELIEF","description":"Cash for food","amount":"1000",
                           "memberIds":["%s","%s"]}]}
                """
                    .formatted(s.funder.id().value(), s.asha, s.bina),
                "Authorization",
                Http.bearer(s.leaderToken));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return field(created.body(), "id");
  }

  private void receiveInstalment(Scene s, String grant, String amount) {
    var account =
        http()
            .postJson(
                "/api/v1/ledger/accounts",
                "{\"name\":\"Savings\",\"fcra\":false}",
                "Authorization",
                Http.bearer(s.adminToken));
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
    var received =
        http()
            .postJson(
                "/api/v1/grants/" + grant + "/instalments",
                "{\"amount\":\"%s\",\"receivedOn\":\"2026-01-05\",\"accountId\":\"%s\"}"
                    .formatted(amount, field(account.body(), "id")),
                "Authorization",
                Http.bearer(s.adminToken));
    assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
  }

  private static Map<String, String> line(
      String category, String description, String amount, String members, String households) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("action", "save");
    form.put("category", category);
    form.put("description", description);
    form.put("amount", amount);
    form.put("members", members);
    form.put("households", households);
    return form;
  }

  private static HttpResponse<String> save(Http http, String base, Map<String, String> line) {
    var saved = http.postForm(base + "/lines", line, base + "/lines/new");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    return saved;
  }

  private Http browser(Fixtures.TestUser user) {
    Http http = http();
    http.signIn(user.username(), user.password());
    return http;
  }

  private String api(String token, String path) {
    var response = http().get(path, "Authorization", Http.bearer(token));
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> apiFile(String token, String path, byte[] content, String key) {
    List<String> headers = new ArrayList<>(List.of("Authorization", Http.bearer(token)));
    if (key != null) {
      headers.addAll(List.of("Idempotency-Key", key));
    }
    return http()
        .postBytes(
            path,
            "multipart/form-data; boundary=sahay",
            multipartBody("sahay", Map.of(), "file", "file.bin", content),
            headers.toArray(String[]::new));
  }

  /** Posts fields and one file as multipart/form-data, with the CSRF token of a page. */
  private static HttpResponse<String> multipart(
      Http http,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] content,
      String csrfFrom) {
    String boundary = "----sahay" + System.nanoTime();
    String csrf = URLEncoder.encode(http.csrf(csrfFrom), StandardCharsets.UTF_8);
    return http.postBytes(
        path + "?_csrf=" + csrf,
        "multipart/form-data; boundary=" + boundary,
        multipartBody(boundary, fields, fileField, fileName, content));
  }

  private static byte[] multipartBody(
      String boundary, Map<String, String> fields, String fileField, String name, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + k
                        + "\"\r\n\r\n"
                        + v
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private String member(String token, String name) {
    var response =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\"%s\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\"}"
                    .formatted(name),
                "Authorization",
                Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  private String code(String token, String member) {
    return field(api(token, "/api/v1/members/" + member), "code");
  }

  private long audits(String action, String request) {
    return jdbc.sql("select count(*) from audit_entry where action = :a and entity_id = :id")
        .param("a", action)
        .param("id", request)
        .query(Long.class)
        .single();
  }

  private long attachments(String request) {
    return jdbc.sql(
            "select count(*) from support_file where request_id = :id and kind = 'ATTACHMENT'")
        .param("id", UUID.fromString(request))
        .query(Long.class)
        .single();
  }

  private static String firstMatch(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + regex);
    }
    return m.group(1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
