package org.sahay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Role;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A collective asks its funder for cash support, the funder decides per line seeing member codes
 * only, the money arrives as a grant instalment, and leaders pay people against the approved lines:
 * never more than approved, never twice to one person on a line, and the books balance.
 */
class SupportRequestIntegrationTest extends IntegrationTest {

  @Autowired private Organisations organisations;

  private record Scene(
      Organisation collective,
      Organisation funder,
      String admin,
      String leader,
      String funderViewer,
      String memberA,
      String memberB) {}

  @Test
  void fromRequestToPaymentWithMemberCodesOnlyForTheFunder() {
    Scene s = scene();
    Http http = http();
    String id = request(http, s);
    assertThat(
            http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(s.funderViewer))
                .statusCode())
        .as("a draft stays with the collective")
        .isEqualTo(404);
    assertThat(
            post(http, s.leader, "/api/v1/support-requests/" + id + "/submit", "{}").statusCode())
        .isEqualTo(200);
    String seen =
        http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(s.funderViewer))
            .body();
    String codePrefix = s.collective.shortCode().value() + "-";
    assertThat(seen).contains(codePrefix).doesNotContain("Synthetic Payee");
    assertThat(
            post(
                    http,
                    s.leader,
                    "/api/v1/support-requests/" + id + "/decision",
                    decision(seen, "800", "0"))
                .statusCode())
        .as("a leader cannot decide")
        .isIn(403, 404);
    var decided =
        post(
            http,
            s.funderViewer,
            "/api/v1/support-requests/" + id + "/decision",
            decision(seen, "800", "0"));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(Json.text(decided.body(), "$.status")).isEqualTo("PARTLY_APPROVED");
    String grant = field(decided.body(), "grantId");
    String line1 = lineIds(seen).get(0);

    // A transfer needs a bank account to come from.
    var noBank = pay(http, s.leader, id, line1, s.memberA, "500", null);
    assertThat(noBank.statusCode()).as(noBank.body()).isEqualTo(400);
    assertThat(Json.object(noBank.body(), "$.errors")).containsKey("accountId");
    String bank = bankAccount(http, s.admin);
    // Before the money arrives, nothing can be paid from the grant's fund.
    var early = pay(http, s.leader, id, line1, s.memberA, "500", null);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(early.body()).contains("₹0");

    assertThat(
            post(
                    http,
                    s.admin,
                    "/api/v1/grants/" + grant + "/instalments",
                    "{\"amount\":\"800\",\"receivedOn\":\"2026-01-05\",\"accountId\":\""
                        + bank
                        + "\"}")
                .statusCode())
        .isEqualTo(201);

    var paid = pay(http, s.leader, id, line1, s.memberA, "500", null);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    assertThat(paid.body()).contains(codePrefix).doesNotContain("Synthetic Payee");
    var twice = pay(http, s.leader, id, line1, s.memberA, "100", null);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(Json.text(twice.body(), "$.earlier.id")).isEqualTo(field(paid.body(), "id"));
    var over = pay(http, s.leader, id, line1, s.memberB, "400", null);
    assertThat(over.statusCode()).isEqualTo(409);
    assertThat(over.body()).contains("₹300");
    String line2 = lineIds(seen).get(1);
    assertThat(pay(http, s.leader, id, line2, s.memberB, "100", null).statusCode())
        .as("a refused line pays nothing")
        .isEqualTo(409);

    String reconciliation =
        http.get(
                "/api/v1/support-requests/" + id + "/reconciliation",
                "Authorization",
                Http.bearer(s.funderViewer))
            .body();
    assertThat(Json.number(reconciliation, "$.lines[0].approvedPaise")).isEqualTo(80_000);
    assertThat(Json.number(reconciliation, "$.lines[0].disbursedPaise")).isEqualTo(50_000);
    assertThat(Json.number(reconciliation, "$.lines[0].remainingPaise")).isEqualTo(30_000);
    assertThat(reconciliation).contains(codePrefix);
    String csv =
        http.get(
                "/api/v1/support-requests/" + id + "/reconciliation.csv",
                "Authorization",
                Http.bearer(s.leader))
            .body();
    assertThat(csv).startsWith("line,description").contains("80000,50000,30000");

    // A correction is a reversal: the claim is given back and the person can be paid again.
    var reversed =
        post(
            http,
            s.leader,
            "/api/v1/disbursements/" + field(paid.body(), "id") + "/reversal",
            "{\"reason\":\"paid to the wrong account\"}");
    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
    assertThat(pay(http, s.leader, id, line1, s.memberA, "800", null).statusCode()).isEqualTo(201);
    String balance =
        http.get("/api/v1/ledger/trial-balance", "Authorization", Http.bearer(s.admin)).body();
    assertThat(longField(balance, "debits")).isEqualTo(longField(balance, "credits"));

    // Closing stops payments; only the collective closes, and only once.
    String close = "/api/v1/support-requests/" + id + "/close";
    assertThat(post(http, s.funderViewer, close, "").statusCode()).isIn(403, 404);
    var closed = post(http, s.leader, close, "");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(Json.text(closed.body(), "$.status")).isEqualTo("CLOSED");
    assertThat(post(http, s.leader, close, "").statusCode()).isEqualTo(409);
    var late = pay(http, s.leader, id, line2, s.memberB, "100", null);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("only against an approved request");

    var other = fixtures.organisation(OrganisationKind.FUNDER);
    String stranger = token(fixtures.user(other, Role.FUNDER_VIEWER));
    assertThat(
            http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(stranger))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void concurrentPaymentsRaceForTheLastRupeesAndOnlyWhatIsAllowedGoesThrough() throws Exception {
    Scene s = scene();
    Http http = http();
    String id = request(http, s, true);
    String seen = approvedAndReceivedInBank(http, s, id);
    String line = lineIds(seen).get(0);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String who = i % 2 == 0 ? s.memberA : s.memberB;
      Callable<Integer> one = () -> pay(http(), s.leader, id, line, who, "150", null).statusCode();
      results.add(pool.submit(one));
    }
    int ok = 0;
    for (Future<Integer> r : results) {
      int status = r.get();
      assertThat(status).isIn(201, 409);
      ok += status == 201 ? 1 : 0;
    }
    pool.shutdown();
    assertThat(ok).as("150 rupees at a time from an approved 1000").isEqualTo(6);
    String reconciliation =
        http.get(
                "/api/v1/support-requests/" + id + "/reconciliation",
                "Authorization",
                Http.bearer(s.leader))
            .body();
    assertThat(Json.number(reconciliation, "$.lines[0].disbursedPaise")).isEqualTo(90_000);
    assertThat(Json.number(reconciliation, "$.lines[0].remainingPaise")).isEqualTo(10_000);
  }

  @Test
  void aReplayedPaymentChangesNothingAndAMentorComments() {
    Scene s = scene();
    var mentor = fixtures.organisation(OrganisationKind.MENTOR);
    organisations.link(
        fixtures.systemAdmin().actor(), mentor.id(), LinkKind.MENTOR_OF, s.collective.id());
    String mentorStaff = token(fixtures.user(mentor, Role.MENTOR_STAFF));
    Http http = http();
    String id = request(http, s);
    post(http, s.leader, "/api/v1/support-requests/" + id + "/submit", "{}");
    var commented =
        post(
            http,
            mentorStaff,
            "/api/v1/support-requests/" + id + "/comments",
            "{\"body\":\"Add the electricity bills too.\"}");
    assertThat(commented.statusCode()).as(commented.body()).isEqualTo(200);
    assertThat(commented.body()).contains("Add the electricity bills too.");
    assertThat(
            post(
                    http,
                    mentorStaff,
                    "/api/v1/support-requests/" + id + "/decision",
                    decision(
                        http.get(
                                "/api/v1/support-requests/" + id,
                                "Authorization",
                                Http.bearer(mentorStaff))
                            .body(),
                        "1",
                        "1"))
                .statusCode())
        .as("a mentor the request is not addressed to does not decide")
        .isEqualTo(403);
    String seen =
        http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(s.funderViewer))
            .body();
    String decided =
        post(
                http,
                s.funderViewer,
                "/api/v1/support-requests/" + id + "/decision",
                decision(seen, "1000", "500"))
            .body();
    assertThat(Json.text(decided, "$.status")).isEqualTo("APPROVED");
    String bank = bankAccount(http, s.admin);
    post(
        http,
        s.admin,
        "/api/v1/grants/" + field(decided, "grantId") + "/instalments",
        "{\"amount\":\"1500\",\"receivedOn\":\"2026-01-05\",\"accountId\":\"" + bank + "\"}");
    String key = java.util.UUID.randomUUID().toString();
    String body =
        """
        {"requestId":"%s","lineId":"%s","memberId":"%s","amount":"400","mode":"UPI",
         "paidOn":"2026-01-06"}
        """
            .formatted(id, lineIds(seen).get(0), s.memberA);
    var first =
        http.postJson(
            "/api/v1/disbursements",
            body,
            "Authorization",
            Http.bearer(s.leader),
            "Idempotency-Key",
            key);
    var again =
        http.postJson(
            "/api/v1/disbursements",
            body,
            "Authorization",
            Http.bearer(s.leader),
            "Idempotency-Key",
            key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(field(again.body(), "id")).isEqualTo(field(first.body(), "id"));
    assertThat(
            http.get(
                    "/api/v1/support-requests/" + id + "/disbursements",
                    "Authorization",
                    Http.bearer(s.leader))
                .body())
        .containsOnlyOnce("\"amountPaise\":40000");
  }

  @Test
  void aDraftsLinesChangeOneByOneUntilItIsSentAndNotAfter() {
    Scene s = scene();
    Http http = http();
    String id = request(http, s);
    String lines = "/api/v1/support-requests/" + id + "/lines";
    var added =
        post(
            http,
            s.leader,
            lines,
            """
            {"category":"FOOD_AND_RATIONS","description":"Ration kits","amount":"12000",
             "quantity":40,"memberIds":["%s"]}
            """
                .formatted(s.memberA));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(Json.number(added.body(), "$.lines[2].quantity")).isEqualTo(40);
    assertThat(Json.number(added.body(), "$.lines[2].number")).isEqualTo(3);
    List<String> ids = lineIds(added.body());
    var zero =
        post(
            http,
            s.leader,
            lines,
            """
            {"category":"OTHER","description":"Nothing","amount":"0","memberIds":["%s"]}
            """
                .formatted(s.memberA));
    assertThat(zero.statusCode()).isEqualTo(400);
    var changed =
        http.send(
            "PUT",
            lines + "/" + ids.get(0),
            """
            {"category":"CASH_RELIEF","description":"Cash for food, 6 weeks","amount":"900",
             "instalmentsAllowed":true,"memberIds":["%s"]}
            """
                .formatted(s.memberB),
            "Authorization",
            Http.bearer(s.leader));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.body()).contains("Cash for food, 6 weeks", "\"amountPaise\":90000");
    var removed =
        http.send("DELETE", lines + "/" + ids.get(1), null, "Authorization", Http.bearer(s.leader));
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(lineIds(removed.body())).containsExactly(ids.get(0), ids.get(2));
    assertThat(Json.list(removed.body(), "$.lines[*].number")).containsExactly(1, 2);
    var foreign =
        http.send(
            "DELETE", lines + "/" + ids.get(0), null, "Authorization", Http.bearer(s.funderViewer));
    assertThat(foreign.statusCode()).isEqualTo(404);

    post(http, s.leader, "/api/v1/support-requests/" + id + "/submit", "{}");
    var late =
        http.send("DELETE", lines + "/" + ids.get(0), null, "Authorization", Http.bearer(s.leader));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("Only a draft can be changed");
  }

  @Test
  void anotherCollectivesMemberOrHouseholdOrARandomIdOnALineOrPaymentIsRefusedLikeAnUnknownOne() {
    Scene s = scene();
    Scene other = scene();
    Http http = http();
    String id = request(http, s);
    String lines = "/api/v1/support-requests/" + id + "/lines";
    String random = java.util.UUID.randomUUID().toString();
    for (String field : List.of("memberIds", "householdIds")) {
      for (String stranger : List.of(other.memberA, random, "not-an-id")) {
        var added =
            post(
                http,
                s.leader,
                lines,
                """
                {"category":"CASH_RELIEF","description":"Cash","amount":"100","%s":["%s"]}
                """
                    .formatted(field, stranger));
        assertThat(added.statusCode()).as(field + " " + added.body()).isEqualTo(400);
        assertThat(added.body()).contains("recipients");
      }
    }
    var created =
        post(
            http,
            s.leader,
            "/api/v1/support-requests",
            """
            {"addressedTo":"%s","title":"Cash","justification":"Work stopped.",
             "lines":[{"category":"CASH_RELIEF","description":"Cash","amount":"100",
                       "memberIds":["%s"]}]}
            """
                .formatted(s.funder.id().value(), other.memberA));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    // A line that is null, or a null among a line's members, is no body anyone means: 400, not
    // the NullPointerException (a 500) ApiFuzzTest found.
    for (String nulls :
        List.of(
            "\"lines\":[null]",
            "\"lines\":[{\"category\":\"CASH_RELIEF\",\"description\":\"Cash\","
                + "\"amount\":\"100\",\"memberIds\":[null]}]")) {
      var refused =
          post(
              http,
              s.leader,
              "/api/v1/support-requests",
              "{\"addressedTo\":\"%s\",\"title\":\"Cash\",\"justification\":\"Work stopped.\",%s}"
                  .formatted(s.funder.id().value(), nulls));
      assertThat(refused.statusCode()).as(nulls + " " + refused.body()).isEqualTo(400);
    }

    assertThat(
            post(http, s.leader, "/api/v1/support-requests/" + id + "/submit", "{}").statusCode())
        .isEqualTo(200);
    String seen =
        http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(s.funderViewer))
            .body();
    assertThat(
            post(
                    http,
                    s.funderViewer,
                    "/api/v1/support-requests/" + id + "/decision",
                    decision(seen, "1000", "500"))
                .statusCode())
        .isEqualTo(200);
    String line = lineIds(seen).get(0);
    for (String stranger : List.of(other.memberA, random)) {
      for (String field : List.of("memberId", "householdId")) {
        var paid =
            post(
                http,
                s.leader,
                "/api/v1/disbursements",
                """
                {"requestId":"%s","lineId":"%s","%s":"%s","amount":"100","mode":"CASH"}
                """
                    .formatted(id, line, field, stranger));
        assertThat(paid.statusCode()).as(field + " " + paid.body()).isIn(400, 404);
      }
    }
  }

  private Scene scene() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    var funder = fixtures.organisation(OrganisationKind.FUNDER);
    organisations.link(
        fixtures.systemAdmin().actor(), funder.id(), LinkKind.FUNDER_OF, collective.id());
    String admin = token(fixtures.user(collective, Role.ORG_ADMIN));
    String leader = token(fixtures.user(collective, Role.LEADER));
    String viewer = token(fixtures.user(funder, Role.FUNDER_VIEWER));
    return new Scene(collective, funder, admin, leader, viewer, member(leader), member(leader));
  }

  private String request(Http http, Scene s) {
    return request(http, s, false);
  }

  private String request(Http http, Scene s, boolean instalments) {
    var created =
        post(
            http,
            s.leader,
            "/api/v1/support-requests",
            """
            {"addressedTo":"%s","title":"Lockdown cash support","justification":"Work stopped.",
             "lines":[{"category":"CASH_RELIEF","description":"Cash for food","amount":"1000",
                       "instalmentsAllowed":%s,"memberIds":["%s","%s"]},
                      {"category":"RENT_AND_BILLS","description":"Rent","amount":"500",
                       "memberIds":["%s"]}]}
            """
                .formatted(s.funder.id().value(), instalments, s.memberA, s.memberB, s.memberB));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return field(created.body(), "id");
  }

  private static String decision(String request, String first, String second) {
    List<String> lines = lineIds(request);
    return """
        {"lines":[{"lineId":"%s","approved":"%s","comment":"ok"},
                  {"lineId":"%s","approved":"%s","comment":"not this time"}]}
        """
        .formatted(lines.get(0), first, lines.get(1), second);
  }

  /** The ids of a request's lines, in order, from its JSON. */
  static List<String> lineIds(String request) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\",\"number\"").matcher(request);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private HttpResponse<String> pay(
      Http http,
      String token,
      String request,
      String line,
      String member,
      String amount,
      String key) {
    return post(
        http,
        token,
        "/api/v1/disbursements",
        """
        {"requestId":"%s","lineId":"%s","memberId":"%s","amount":"%s","mode":"UPI",
         "reference":"UPI-SYNTH-1","paidOn":"2026-01-06"}
        """
            .formatted(request, line, member, amount));
  }

  private String bankAccount(Http http, String admin) {
    var response =
        post(http, admin, "/api/v1/ledger/accounts", "{\"name\":\"Savings\",\"fcra\":false}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  private HttpResponse<String> post(Http http, String token, String path, String json) {
    return http.postJson(path, json, "Authorization", Http.bearer(token));
  }

  @Test
  void cashPaidOutNeedsCashInHandThoughTheGrantSitsInTheBank() {
    Scene s = scene();
    Http http = http();
    String id = request(http, s);
    String seen = approvedAndReceivedInBank(http, s, id);
    String cash =
        """
        {"requestId":"%s","lineId":"%s","memberId":"%s","amount":"300","mode":"CASH",
         "paidOn":"2026-01-06"}
        """
            .formatted(id, lineIds(seen).get(0), s.memberA);
    var refused = post(http, s.leader, "/api/v1/disbursements", cash);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("holds only ₹0, and this payment is ₹300");
    var byUpi = pay(http, s.leader, id, lineIds(seen).get(0), s.memberA, "300", null);
    assertThat(byUpi.statusCode()).as(byUpi.body()).isEqualTo(201);
  }

  /** Submits the request, has the funder approve 1000 on its first line, and receives 1000. */
  /**
   * A payment marks met only open needs of the person paid, and its reversal puts them back (issue
   * 12 item 6): another member's need, a met need and a malformed id are refused, and nothing is
   * paid.
   */
  @Test
  void aPaymentMeetsOnlyOpenNeedsOfWhomItPaysAndItsReversalReopensThem() {
    Scene s = scene();
    Http http = http();
    String id = request(http, s, true);
    String line = lineIds(approvedAndReceivedInBank(http, s, id)).get(0);
    String needA = need(http, s.leader, s.memberA, "FOOD");
    String needB = need(http, s.leader, s.memberB, "FOOD");
    for (String wrong : List.of(needB, "not-a-need", UUID.randomUUID().toString())) {
      var refused = payMeeting(http, s, id, line, s.memberA, wrong);
      assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
      assertThat(Json.object(refused.body(), "$.errors")).containsKey("meetsNeeds");
    }
    assertThat(needStatus(http, s.leader, needB)).isEqualTo("OPEN");
    String reconciliation =
        http.get(
                "/api/v1/support-requests/" + id + "/reconciliation",
                "Authorization",
                Http.bearer(s.leader))
            .body();
    assertThat(Json.number(reconciliation, "$.lines[0].disbursedPaise")).isZero();

    var paid = payMeeting(http, s, id, line, s.memberA, needA);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    assertThat(needStatus(http, s.leader, needA)).isEqualTo("MET");
    var again = payMeeting(http, s, id, line, s.memberA, needA);
    assertThat(again.statusCode()).as("a met need is not met twice").isEqualTo(400);

    var reversed =
        post(
            http,
            s.leader,
            "/api/v1/disbursements/" + field(paid.body(), "id") + "/reversal",
            "{\"reason\":\"paid to the wrong account\"}");
    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
    assertThat(needStatus(http, s.leader, needA)).isEqualTo("OPEN");
  }

  private HttpResponse<String> payMeeting(
      Http http, Scene s, String request, String line, String member, String need) {
    return post(
        http,
        s.leader,
        "/api/v1/disbursements",
        """
        {"requestId":"%s","lineId":"%s","memberId":"%s","amount":"100","mode":"UPI",
         "paidOn":"2026-01-06","meetsNeeds":["%s"]}
        """
            .formatted(request, line, member, need));
  }

  private String need(Http http, String token, String member, String category) {
    var created =
        post(
            http,
            token,
            "/api/v1/needs",
            "{\"memberId\":\"%s\",\"category\":\"%s\"}".formatted(member, category));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return field(created.body(), "id");
  }

  private static String needStatus(Http http, String token, String need) {
    return field(
        http.get("/api/v1/needs/" + need, "Authorization", Http.bearer(token)).body(), "status");
  }

  /**
   * Kind support (issue 12 item 4): a line asks for goods of the relief catalogue in a quantity;
   * the funder decides the quantity; goods arrive as stock receipts against the line, never beyond
   * what was approved; reconciliation counts what was delivered, what hand-overs gave the line's
   * people and who still waits.
   */
  @Test
  void aCollectiveAsksForGoodsTheFunderDecidesHowManyAndReconciliationFollowsTheHandOvers() {
    Scene s = scene();
    Http http = http();
    String item =
        field(
            post(
                    http,
                    s.leader,
                    "/api/v1/items",
                    "{\"nameEn\":\"Rice\",\"unit\":\"KG\",\"category\":\"FOOD\"}")
                .body(),
            "id");
    String store =
        field(
            post(http, s.leader, "/api/v1/stock-locations", "{\"name\":\"Office store\"}").body(),
            "id");
    String goodsLine =
        """
        {"category":"FOOD_AND_RATIONS","description":"Rice for two families","itemId":"%s",
         "quantity":100,"memberIds":["%s","%s"]}"""
            .formatted(item, s.memberA, s.memberB);
    for (String wrong :
        List.of(
            goodsLine.replace("\"quantity\":100,", ""),
            goodsLine.replace("\"quantity\":100,", "\"quantity\":100,\"amount\":\"500\","),
            goodsLine.replace(item, UUID.randomUUID().toString()))) {
      var refused = post(http, s.leader, "/api/v1/support-requests", requestWith(s, wrong));
      assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
    }
    var created =
        post(
            http,
            s.leader,
            "/api/v1/support-requests",
            requestWith(
                s,
                goodsLine
                    + ",{\"category\":\"CASH_RELIEF\",\"description\":\"Cash\",\"amount\":\"500\","
                    + "\"memberIds\":[\""
                    + s.memberA
                    + "\"]}"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = field(created.body(), "id");
    assertThat(Json.text(created.body(), "$.lines[0].itemId")).isEqualTo(item);
    post(http, s.leader, "/api/v1/support-requests/" + id + "/submit", "{}");
    String seen =
        http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(s.funderViewer))
            .body();
    List<String> lines = lineIds(seen);
    // Built per quantity, never by replacing text: a line id may well contain "150".
    String decision =
        """
        {"lines":[{"lineId":"%s","approvedQuantity":%d},{"lineId":"%s","approved":"0"}]}""";
    String decisionTooMany = decision.formatted(lines.get(0), 150, lines.get(1));
    assertThat(
            post(
                    http,
                    s.funderViewer,
                    "/api/v1/support-requests/" + id + "/decision",
                    decisionTooMany)
                .statusCode())
        .isEqualTo(400);
    var decided =
        post(
            http,
            s.funderViewer,
            "/api/v1/support-requests/" + id + "/decision",
            decision.formatted(lines.get(0), 60, lines.get(1)));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(Json.text(decided.body(), "$.status")).isEqualTo("PARTLY_APPROVED");
    assertThat(Json.number(decided.body(), "$.lines[0].approvedQuantity")).isEqualTo(60);

    var paid = pay(http, s.leader, id, lines.get(0), s.memberA, "100", null);
    assertThat(paid.statusCode()).as("goods are delivered, not paid").isEqualTo(400);
    String deliveries = "/api/v1/support-requests/" + id + "/deliveries";
    String delivery = "{\"lineId\":\"%s\",\"locationId\":\"%s\",\"quantity\":%d}";
    var tooMany = post(http, s.leader, deliveries, delivery.formatted(lines.get(0), store, 70));
    assertThat(tooMany.statusCode()).isEqualTo(409);
    assertThat(tooMany.body()).contains("60");
    assertThat(
            post(http, s.leader, deliveries, delivery.formatted(lines.get(1), store, 1))
                .statusCode())
        .as("a money line takes no goods")
        .isEqualTo(400);
    assertThat(
            post(http, s.leader, deliveries, delivery.formatted(lines.get(0), store, 40))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            post(http, s.leader, deliveries, delivery.formatted(lines.get(0), store, 30))
                .statusCode())
        .isEqualTo(409);
    assertThat(
            post(http, s.leader, deliveries, delivery.formatted(lines.get(0), store, 20))
                .statusCode())
        .isEqualTo(201);

    String round =
        field(
            post(
                    http,
                    s.leader,
                    "/api/v1/distribution-rounds",
                    """
                    {"name":"Rice from the funder","startsOn":"2026-01-01","endsOn":"2026-12-31",
                     "locationId":"%s","lines":[{"item":"%s","quantity":5}],
                     "eligibility":"ALL_MEMBERS","rule":"ONCE_PER_HOUSEHOLD"}
                    """
                        .formatted(store, item))
                .body(),
            "id");
    var given =
        post(
            http,
            s.leader,
            "/api/v1/distribution-rounds/" + round + "/distributions",
            "{\"memberId\":\"" + s.memberA + "\"}");
    assertThat(given.statusCode()).as(given.body()).isEqualTo(201);

    String reconciliation =
        http.get(
                "/api/v1/support-requests/" + id + "/reconciliation",
                "Authorization",
                Http.bearer(s.funderViewer))
            .body();
    String codeB =
        field(
            http.get("/api/v1/members/" + s.memberB, "Authorization", Http.bearer(s.leader)).body(),
            "code");
    String codeA =
        field(
            http.get("/api/v1/members/" + s.memberA, "Authorization", Http.bearer(s.leader)).body(),
            "code");
    assertThat(Json.number(reconciliation, "$.lines[0].approvedQuantity")).isEqualTo(60);
    assertThat(Json.number(reconciliation, "$.lines[0].deliveredQuantity")).isEqualTo(60);
    assertThat(Json.number(reconciliation, "$.lines[0].handedOver")).isEqualTo(5);
    // Who still waits on the goods line: the member no hand-over reached, not the one it did.
    assertThat(Json.list(reconciliation, "$.lines[0].waiting"))
        .contains(codeB)
        .doesNotContain(codeA);
  }

  private static String requestWith(Scene s, String lines) {
    return """
        {"addressedTo":"%s","title":"Rice support","justification":"Work stopped.",
         "lines":[%s]}
        """
        .formatted(s.funder.id().value(), lines);
  }

  private String approvedAndReceivedInBank(Http http, Scene s, String id) {
    post(http, s.leader, "/api/v1/support-requests/" + id + "/submit", "{}");
    String seen =
        http.get("/api/v1/support-requests/" + id, "Authorization", Http.bearer(s.funderViewer))
            .body();
    String decided =
        post(
                http,
                s.funderViewer,
                "/api/v1/support-requests/" + id + "/decision",
                decision(seen, "1000", "0"))
            .body();
    String bank = bankAccount(http, s.admin);
    post(
        http,
        s.admin,
        "/api/v1/grants/" + field(decided, "grantId") + "/instalments",
        "{\"amount\":\"1000\",\"receivedOn\":\"2026-01-05\",\"accountId\":\"" + bank + "\"}");
    return seen;
  }

  private String member(String token) {
    var response =
        http()
            .postJson(
                "/api/v1/members",
                "{\"name\":\"Synthetic Payee\",\"gender\":\"FEMALE\",\"yearOfBirth\":1982,"
                    + "\"district\":\"Guntur\"}",
                "Authorization",
                Http.bearer(token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "id");
  }

  private String token(Fixtures.TestUser user) {
    return http().token(user.username(), user.password());
  }

  /** A string field of a JSON answer. */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static long longField(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }
}
