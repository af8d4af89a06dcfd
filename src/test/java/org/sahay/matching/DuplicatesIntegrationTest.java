package org.sahay.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.sahay.Json;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.matching.internal.MatchFeatures;
import org.sahay.matching.internal.PairStore;
import org.sahay.needs.Needs;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.ConsentPurpose;
import org.sahay.registry.ErasureReason;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInput;
import org.sahay.registry.MemberInputs;
import org.sahay.registry.MemberMerges;
import org.sahay.registry.Members;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duplicates end to end, through the API: a scan finds one woman registered twice in two scripts
 * (not her sister, who shares her phone), a person merges them and undoes it, "different people" is
 * never proposed again, nobody outside the collective learns anything, and two merges sharing a
 * record, decided at once, never leave a record merged into a merged one.
 */
class DuplicatesIntegrationTest extends IntegrationTest {

  @Autowired private Members members;
  @Autowired private MemberMerges merges;
  @Autowired private Needs needs;
  @Autowired private org.sahay.care.Loans loans;
  @Autowired private org.sahay.relief.Recipients recipients;
  @Autowired private JdbcClient jdbc;
  @Autowired private Duplicates duplicates;
  @Autowired private PairStore pairStore;
  @Autowired private TransactionTemplate tx;

  private record Site(Organisation collective, Fixtures.TestUser admin, String token) {}

  private Site site() {
    Organisation collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Fixtures.TestUser admin = fixtures.user(collective, Role.ORG_ADMIN);
    return new Site(collective, admin, http().token(admin.username(), admin.password()));
  }

  private static MemberInput input(String name, int year, String phone, String village) {
    return MemberInputs.member(name)
        .yearOfBirth(year)
        .phone(phone)
        .state("Andhra Pradesh")
        .district("Guntur")
        .village(village)
        .build();
  }

  private MemberId register(Actor by, String name, int year, String phone, String village) {
    var saved = (Members.Outcome.Saved) members.register(by, input(name, year, phone, village));
    return saved.member().id();
  }

  private String scan(Site site) throws InterruptedException {
    return Scans.run(http(), site.token());
  }

  private List<Object> open(Site site, String band) {
    var answer =
        http().get("/api/v1/duplicates?band=" + band, "Authorization", Http.bearer(site.token()));
    assertThat(answer.statusCode()).isEqualTo(200);
    return Json.list(answer.body(), "$");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> pairOf(Site site, MemberId a, MemberId b) {
    for (Object o : open(site, "likely")) {
      var p = (Map<String, Object>) o;
      if (List.of(p.get("first"), p.get("second"))
          .containsAll(List.of(a.toString(), b.toString()))) {
        return p;
      }
    }
    return null;
  }

  private HttpResponse<String> decide(Site site, Object pair, String json) {
    return http()
        .postJson(
            "/api/v1/duplicates/" + pair + "/decision",
            json,
            "Authorization",
            Http.bearer(site.token()));
  }

  @Test
  void oneWomanInTwoScriptsIsProposedMergedWithHerHistoryAndUndone() throws Exception {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId first = register(admin, "Lakshmi Devi Reddy", 1980, "9876543210", "Kothapalli");
    MemberId again = register(admin, "రెడ్డి లక్ష్మి", 1981, "9876543210", "Kothapalli");
    MemberId sister = register(admin, "Sunita Reddy", 1986, "9876543210", "Kothapalli");
    register(admin, "Fatima Khatun", 1975, "9123456780", "Ramapuram");
    members.recordConsent(admin, again, ConsentPurpose.SHARE_WITH_DISTRICT, true);
    var need =
        (Needs.Outcome.Saved)
            needs.record(admin, new Needs.Input(again.toString(), null, "FOOD", "HIGH", null));
    String code = members.summary(admin, again).orElseThrow().code();
    var loan =
        ((org.sahay.care.CareOutcome.Saved<org.sahay.care.Loan>)
                loans.record(
                    admin,
                    new org.sahay.care.Loans.LoanInput(
                        code,
                        "MONEYLENDER",
                        "5000",
                        "10",
                        "MONTH",
                        null,
                        null,
                        false,
                        false,
                        null,
                        null)))
            .value();
    loans.repay(admin, loan.id(), new org.sahay.care.Loans.RepaymentInput("500", null));

    String done = scan(site);
    assertThat(Json.number(done, "$.likely")).isGreaterThanOrEqualTo(1);
    var pair = pairOf(site, first, again);
    assertThat(pair).isNotNull();
    assertThat(pair.get("evidence").toString()).contains("name=WHOLE").contains("phone=SAME");
    assertThat(pairOf(site, first, sister)).isNull();

    var merged = decide(site, pair.get("id"), "{\"decision\":\"same\"}");
    assertThat(merged.statusCode()).isEqualTo(200);
    String merge = Json.text(merged.body(), "$.merge");
    assertThat(Json.text(merged.body(), "$.survivor")).isEqualTo(first.toString());
    assertThat(status(again)).isEqualTo("MERGED");
    assertThat(members.search(admin, "Lakshmi", null, 0, 10))
        .extracting(s -> s.id())
        .containsExactly(first);
    assertThat(consentHolders(again, first)).containsExactly(first.value());
    var moved = needs.get(admin, need.need().id());
    assertThat(moved.member()).isEqualTo(first.value());
    assertThat(moved.category()).isEqualTo(need.need().category());
    assertThat(decide(site, pair.get("id"), "{\"decision\":\"same\"}").statusCode()).isEqualTo(409);
    assertThat(
            jdbc.sql("select count(*) from loan where member_id = :m")
                .param("m", again.value())
                .query(Long.class)
                .single())
        .isZero();
    var movedLoan = loans.ofMember(admin, first).get(0);
    assertThat(movedLoan.principal()).isEqualByComparingTo(loan.principal());
    assertThat(movedLoan.repayments()).hasSize(1);

    var undone =
        http()
            .postJson(
                "/api/v1/merges/" + merge + "/undo",
                "",
                "Authorization",
                Http.bearer(site.token()));
    assertThat(undone.statusCode()).isEqualTo(200);
    assertThat(status(again)).isEqualTo("ACTIVE");
    assertThat(consentHolders(again, first)).containsExactly(again.value());
    var back = needs.get(admin, need.need().id());
    assertThat(back.member()).isEqualTo(again.value());
    assertThat(back.category()).isEqualTo(need.need().category());
    assertThat(loans.ofMember(admin, first)).isEmpty();
    assertThat(loans.ofMember(admin, again).get(0).repayments()).hasSize(1);
    assertThat(
            http()
                .postJson(
                    "/api/v1/merges/" + merge + "/undo",
                    "",
                    "Authorization",
                    Http.bearer(site.token()))
                .statusCode())
        .isEqualTo(409);
    assertThat(pairOf(site, first, again)).isNotNull();
    scan(site);
    assertThat(
            open(site, "likely").stream()
                .filter(p -> ((Map<?, ?>) p).get("id").equals(pair.get("id"))))
        .hasSize(1);
  }

  @Test
  void differentPeopleAreNeverProposedAgain() throws Exception {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Parvati Naidu", 1970, "9000000001", "Ponnur");
    MemberId b = register(admin, "Parvathi Naidu", 1970, "9000000001", "Ponnur");
    scan(site);
    var pair = pairOf(site, a, b);
    assertThat(pair).isNotNull();
    assertThat(decide(site, pair.get("id"), "{\"decision\":\"different\"}").statusCode())
        .isEqualTo(200);
    scan(site);
    assertThat(pairOf(site, a, b)).isNull();
    assertThat(
            jdbc.sql("select status from duplicate_pair where id = :id")
                .param("id", UUID.fromString(pair.get("id").toString()))
                .query(String.class)
                .list())
        .containsExactly("DIFFERENT");
    assertThat(status(a)).isEqualTo("ACTIVE");
    assertThat(status(b)).isEqualTo("ACTIVE");
  }

  @Test
  void nobodyOutsideTheCollectiveSeesOrDecidesAndOnlyKeepersMayReview() throws Exception {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Rekha Das", 1990, "9000000002", "Tenali");
    MemberId b = register(admin, "রেখা দাস", 1990, "9000000002", "Tenali");
    String done = scan(site);
    var pair = pairOf(site, a, b);
    assertThat(pair).isNotNull();
    Site stranger = site();
    assertThat(open(stranger, "likely")).isEmpty();
    assertThat(
            http()
                .get(
                    "/api/v1/duplicates/" + pair.get("id"),
                    "Authorization",
                    Http.bearer(stranger.token()))
                .statusCode())
        .isEqualTo(404);
    assertThat(decide(stranger, pair.get("id"), "{\"decision\":\"same\"}").statusCode())
        .isEqualTo(404);
    assertThat(
            http()
                .get(
                    "/api/v1/duplicates/scans/" + Json.text(done, "$.id"),
                    "Authorization",
                    Http.bearer(stranger.token()))
                .statusCode())
        .isEqualTo(404);
    var counsellor = fixtures.user(site.collective(), Role.COUNSELLOR);
    String counsellorToken = http().token(counsellor.username(), counsellor.password());
    assertThat(
            http()
                .get(
                    "/api/v1/duplicates?band=likely", "Authorization", Http.bearer(counsellorToken))
                .statusCode())
        .isEqualTo(403);
    assertThat(http().get("/api/v1/duplicates?band=likely").statusCode()).isIn(401, 302);
    assertThat(
            http()
                .get(
                    "/api/v1/duplicates?band=everything",
                    "Authorization",
                    Http.bearer(site.token()))
                .statusCode())
        .isEqualTo(400);
    assertThat(decide(site, pair.get("id"), "{\"decision\":\"maybe\"}").statusCode())
        .isEqualTo(400);
    var merged = decide(stranger, UUID.randomUUID(), "{\"decision\":\"same\"}");
    assertThat(merged.statusCode()).isEqualTo(404);
    assertThat(status(a)).isEqualTo("ACTIVE");
    assertThat(status(b)).isEqualTo("ACTIVE");
  }

  @Test
  void matchRecordsHoldKeyedHashesOnlyAndDifferPerCollective() {
    Site one = site();
    Site two = site();
    MemberId a = register(one.admin().actor(), "Salma Bibi", 1988, "9812345678", "Basirhat");
    MemberId b = register(two.admin().actor(), "Salma Bibi", 1988, "9812345678", "Basirhat");
    byte[] x = features(a);
    byte[] y = features(b);
    String raw = new String(x, StandardCharsets.ISO_8859_1) + new String(x, StandardCharsets.UTF_8);
    for (String plain :
        List.of("Salma", "salma", "slm", "9812345678", "5678", "Basirhat", "basirat", "1988")) {
      assertThat(raw).doesNotContain(plain);
    }
    MatchFeatures fa = MatchFeatures.decode(x);
    MatchFeatures fb = MatchFeatures.decode(y);
    assertThat(fa.exact()[0]).isNotEqualTo(fb.exact()[0]);
    assertThat(fa.phones()[0]).isNotEqualTo(fb.phones()[0]);
    assertThat(fa.village()).isNotEqualTo(fb.village());
    assertThat(fa.isHonorific(1)).isTrue();
  }

  @Test
  void erasingTheRemainingRecordErasesTheOneMergedIntoIt() throws Exception {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Mala Mondal", 1979, "9000000003", "Habra");
    MemberId b = register(admin, "মালা মণ্ডল", 1979, "9000000003", "Habra");
    scan(site);
    var pair = pairOf(site, a, b);
    assertThat(
            decide(site, pair.get("id"), "{\"decision\":\"same\",\"keep\":\"" + b + "\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(status(a)).isEqualTo("MERGED");
    members.erase(admin, b, ErasureReason.values()[0]);
    assertThat(status(a)).isEqualTo("ERASED");
    assertThat(status(b)).isEqualTo("ERASED");
    assertThat(
            jdbc.sql("select count(*) from data_key where subject_id in (:a, :b)")
                .param("a", a.value())
                .param("b", b.value())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from match_record where member_id in (:a, :b)")
                .param("a", a.value())
                .param("b", b.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void erasingTheLastRecordOfAChainOfMergesErasesEveryRecordOnTheChain() {
    Site site = site();
    Actor admin = site.admin().actor();
    OrganisationId collective = site.collective().id();
    MemberId first = register(admin, "Chain Rekha Das", 1984, "9000000041", "Haldia");
    MemberId second = register(admin, "Chain Rekha Dass", 1984, "9000000042", "Haldia");
    MemberId last = register(admin, "Chain Rekha Dasi", 1984, "9000000043", "Haldia");
    // The first record was merged into the second, and later the second into the last.
    assertThat(merges.merge(admin, Ids.newId(), collective, second, first)).isTrue();
    assertThat(merges.merge(admin, Ids.newId(), collective, last, second)).isTrue();
    assertThat(List.of(status(first), status(second))).containsOnly("MERGED");

    members.erase(admin, last, ErasureReason.values()[0]);

    assertThat(List.of(status(first), status(second), status(last))).containsOnly("ERASED");
    assertThat(
            jdbc.sql("select count(*) from data_key where subject_id in (:a, :b, :c)")
                .param("a", first.value())
                .param("b", second.value())
                .param("c", last.value())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from member where id = :id and personal is not null")
                .param("id", first.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aScanOfACollectiveWithNoRecordsLeftStillTakesAwayItsOpenPair() throws Exception {
    Site site = site();
    anOpenPairWithNoRecordsLeft(site);
    scan(site);
    assertThat(open(site, "likely")).isEmpty();
    assertThat(openPairs(site)).isZero();
  }

  @Test
  void theNightlyScanTakesAwayTheOpenPairOfACollectiveWithNoRecordsLeft() throws Exception {
    Site site = site();
    anOpenPairWithNoRecordsLeft(site);
    ScanId nightly = duplicates.scanAll("nightly-test");
    assertThat(
            jdbc.sql("select status from duplicate_scan where id = :id")
                .param("id", nightly.value())
                .query(String.class)
                .single())
        .isEqualTo("DONE");
    assertThat(openPairs(site)).isZero();
  }

  @Test
  void aScanThatReadTwoMembersBeforeTheyWereErasedDoesNotProposeThem() {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Late Kamala Devi", 1977, "9000000061", "Ongole");
    MemberId b = register(admin, "Late Kamla Devi", 1977, "9000000061", "Ongole");
    MemberId c = register(admin, "Late Kamala Devii", 1977, "9000000062", "Ongole");
    members.erase(admin, a, ErasureReason.values()[0]);
    // The scan's write, after the erasure: only the pair of the two still there is proposed.
    pairStore.replaceOpen(
        site.collective().id(),
        List.of(
            new PairStore.Found(a.value(), b.value(), 0.99, Band.LIKELY, "test"),
            new PairStore.Found(b.value(), c.value(), 0.99, Band.LIKELY, "test")));
    assertThat(
            jdbc.sql(
                    "select member_a from duplicate_pair where organisation_id = :o"
                        + " and status = 'OPEN'")
                .param("o", site.collective().id().value())
                .query(UUID.class)
                .list())
        .containsExactly(b.value());
  }

  /**
   * Two members whose pair a scan found are erased while another scan that read them runs: that
   * scan writes their pair back after the erasure took it away. The collective has no match records
   * left, so the next scan reads nothing of it.
   */
  private void anOpenPairWithNoRecordsLeft(Site site) throws InterruptedException {
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Savitri Rao", 1972, "9000000010", "Mangalagiri");
    MemberId b = register(admin, "Savithri Rao", 1972, "9000000010", "Mangalagiri");
    scan(site);
    var pair = pairOf(site, a, b);
    assertThat(pair).isNotNull();
    members.erase(admin, a, ErasureReason.values()[0]);
    members.erase(admin, b, ErasureReason.values()[0]);
    jdbc.sql(
            """
            insert into duplicate_pair (id, organisation_id, member_a, member_b, score, band,
              evidence, status, found_at)
            values (:id, :o, :a, :b, 0.99, 'LIKELY', 'name=WHOLE;year=SAME;phone=SAME;village=SAME',
              'OPEN', current_timestamp)
            """)
        .param("id", UUID.fromString(pair.get("id").toString()))
        .param("o", site.collective().id().value())
        .param("a", UUID.fromString(pair.get("first").toString()))
        .param("b", UUID.fromString(pair.get("second").toString()))
        .update();
    assertThat(
            jdbc.sql("select count(*) from match_record where organisation_id = :o")
                .param("o", site.collective().id().value())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(openPairs(site)).isEqualTo(1);
  }

  private long openPairs(Site site) {
    return jdbc.sql(
            "select count(*) from duplicate_pair where organisation_id = :o and status = 'OPEN'")
        .param("o", site.collective().id().value())
        .query(Long.class)
        .single();
  }

  @Test
  void aLeaderReviewsOnPagesMergesAndUndoes() throws Exception {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Rupa Ghosh", 1992, "9000000004", "Bongaon");
    MemberId b = register(admin, "রূপা ঘোষ", 1992, "9000000004", "Bongaon");
    var leader = fixtures.user(site.collective(), Role.LEADER);
    Http page = http();
    page.signIn(leader.username(), leader.password());
    var started = page.postForm("/duplicates/scan", Map.of(), "/duplicates");
    assertThat(started.statusCode()).isEqualTo(302);
    String scanned =
        java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getRawPath()
            + "?"
            + java.net
                .URI
                .create(started.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
    for (int i = 0; i < 200 && !page.get(scanned).body().contains("The search is done"); i++) {
      Thread.sleep(50);
    }
    String queue = page.get("/duplicates").body();
    var link =
        java.util.regex.Pattern.compile("href=\"(/duplicates/[0-9a-f-]{36})\"").matcher(queue);
    assertThat(link.find()).as(queue).isTrue();
    String pair = link.group(1);
    String shown = page.get(pair).body();
    assertThat(shown).contains("Rupa Ghosh", "রূপা ঘোষ", "Same number", "Same village");
    var merged =
        page.postForm(pair + "/decision", Map.of("decision", "same", "keep", b.toString()), pair);
    assertThat(merged.statusCode()).isEqualTo(302);
    assertThat(page.get(pair).body()).contains("Merged.", "Undo the merge");
    assertThat(status(a)).isEqualTo("MERGED");
    // Her old record's page leads to the record kept, for this leader; not for another collective.
    var old = page.get("/members/" + a);
    assertThat(old.statusCode()).isEqualTo(302);
    assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/members/" + b);
    var stranger = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER);
    Http strangers = http();
    strangers.signIn(stranger.username(), stranger.password());
    assertThat(strangers.get("/members/" + a).statusCode()).isIn(403, 404);
    var undo =
        java.util.regex.Pattern.compile("action=\"(/merges/[0-9a-f-]{36}/undo)\"")
            .matcher(page.get(pair).body());
    assertThat(undo.find()).isTrue();
    assertThat(page.postForm(undo.group(1), Map.of(), pair).statusCode()).isEqualTo(302);
    assertThat(status(a)).isEqualTo("ACTIVE");
    assertThat(page.postForm(pair + "/decision", Map.of("decision", "same"), null).statusCode())
        .isEqualTo(403);
    assertThat(status(a)).isEqualTo("ACTIVE");
  }

  @Test
  void anEarlierMergeWhoseKeptRecordWasMergedSinceIsUndoneOnlyAfterTheLaterOne() {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Undo Savitri Naidu", 1982, "9000000051", "Tenali");
    MemberId b = register(admin, "Undo Savitri Nayudu", 1982, "9000000051", "Tenali");
    MemberId c = register(admin, "Undo Savithri Naidu", 1982, "9000000051", "Tenali");
    members.recordConsent(admin, c, ConsentPurpose.SHARE_WITH_DISTRICT, true);
    pairStore.replaceOpen(
        site.collective().id(),
        List.of(
            new PairStore.Found(b.value(), c.value(), 0.99, Band.LIKELY, "test"),
            new PairStore.Found(a.value(), b.value(), 0.99, Band.LIKELY, "test")));
    // C into B, then B (holding C's consent now) into A.
    var cIntoB =
        (Duplicates.Outcome.Merged)
            duplicates.decide(admin, pairId(b, c), Duplicates.Verdict.SAME, b);
    var bIntoA =
        (Duplicates.Outcome.Merged)
            duplicates.decide(admin, pairId(a, b), Duplicates.Verdict.SAME, a);
    assertThat(consentHolders(a, c)).containsExactly(a.value());

    // What C's merge moved is with A now: undoing it first would bring C back without it.
    assertThat(duplicates.undo(admin, cIntoB.merge())).isEqualTo(Duplicates.Undo.LATER_MERGE_FIRST);
    assertThat(List.of(status(a), status(b), status(c)))
        .containsExactly("ACTIVE", "MERGED", "MERGED");
    assertThat(consentHolders(a, c)).containsExactly(a.value());
    var refused =
        http()
            .postJson(
                "/api/v1/merges/" + cIntoB.merge() + "/undo",
                "",
                "Authorization",
                Http.bearer(site.token()));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("undo that later merge first");

    // The later one first, then the earlier: C is back with her consent.
    assertThat(duplicates.undo(admin, bIntoA.merge())).isEqualTo(Duplicates.Undo.UNDONE);
    assertThat(duplicates.undo(admin, cIntoB.merge())).isEqualTo(Duplicates.Undo.UNDONE);
    assertThat(List.of(status(a), status(b), status(c)))
        .containsExactly("ACTIVE", "ACTIVE", "ACTIVE");
    assertThat(consentHolders(a, c)).containsExactly(c.value());
  }

  @Test
  void twoMergesDecidedAtOnceThatShareARecordNeverLeaveAChain() throws Exception {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId a = register(admin, "Anitha Rao", 1985, "9000000010", "Mangalagiri");
    MemberId b = register(admin, "అనిత రావు", 1985, "9000000010", "Mangalagiri");
    MemberId c = register(admin, "Anita Rao", 1985, "9000000010", "Mangalagiri");
    pairStore.replaceOpen(
        site.collective().id(),
        List.of(
            new PairStore.Found(a.value(), b.value(), 0.99, Band.LIKELY, "test"),
            new PairStore.Found(b.value(), c.value(), 0.99, Band.LIKELY, "test")));
    PairId ab = pairId(a, b);
    PairId bc = pairId(b, c);
    var decided = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var first = Executors.newSingleThreadExecutor();
    var second = Executors.newSingleThreadExecutor();
    Duplicates.Outcome intoA;
    Duplicates.Outcome intoB;
    boolean waited = false;
    try {
      // B into A, its transaction held open once decided (its locks, and B still ACTIVE to others)
      Future<Duplicates.Outcome> mergingB =
          first.submit(
              () ->
                  tx.execute(
                      s -> {
                        var outcome = duplicates.decide(admin, ab, Duplicates.Verdict.SAME, a);
                        decided.countDown();
                        awaitQuietly(release);
                        return outcome;
                      }));
      assertThat(decided.await(30, TimeUnit.SECONDS)).isTrue();
      // ... while C into B is decided.
      Future<Duplicates.Outcome> mergingC =
          second.submit(() -> duplicates.decide(admin, bc, Duplicates.Verdict.SAME, b));
      try {
        mergingC.get(500, TimeUnit.MILLISECONDS);
      } catch (TimeoutException waitingForB) {
        waited = true;
      }
      release.countDown();
      intoA = mergingB.get(30, TimeUnit.SECONDS);
      intoB = mergingC.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      first.shutdown();
      second.shutdown();
    }
    assertThat(intoA).isInstanceOf(Duplicates.Outcome.Merged.class);
    assertThat(intoB).isInstanceOf(Duplicates.Outcome.AlreadyDecided.class);
    assertThat(List.of(status(a), status(b), status(c)))
        .containsExactly("ACTIVE", "MERGED", "ACTIVE");
    assertThat(
            jdbc.sql("select count(*) from member_merge where organisation_id = :o")
                .param("o", site.collective().id().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from member m join member kept on kept.id = m.merged_into
                    where m.organisation_id = :o and m.status = 'MERGED'
                      and kept.status = 'MERGED'
                    """)
                .param("o", site.collective().id().value())
                .query(Long.class)
                .single())
        .isZero();
    // It was refused under the lock, having waited for the first to end (B read as in the
    // register until then).
    assertThat(waited).isTrue();
    // The refused decision left its pair open, for a person to look at again.
    assertThat(
            jdbc.sql("select status from duplicate_pair where id = :id")
                .param("id", bc.value())
                .query(String.class)
                .single())
        .isEqualTo("OPEN");
  }

  @Test
  void registrationWarnsOfHerWhateverTheScriptOrderOrHonorific() {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId her = register(admin, "Lakshmi Devi Reddy", 1980, "9000000005", "Kothapalli");
    register(admin, "Sunita Reddy", 1987, "9000000006", "Kothapalli");
    var again = input("రెడ్డి లక్ష్మి", 1981, "9000000777", "Kothapalli");
    assertThat(members.likelySame(admin, again)).extracting(m -> m.id()).containsExactly(her);
    var someoneElse = input("Padma Naidu", 1981, "9000000778", "Kothapalli");
    assertThat(members.likelySame(admin, someoneElse)).isEmpty();
  }

  @Test
  void aNewRecipientAtADistributionWhoIsAMemberIsShownAsTheMember() {
    Site site = site();
    Actor admin = site.admin().actor();
    MemberId her = register(admin, "Lakshmi Devi Reddy", 1980, "9000000008", "Kothapalli");
    var asRecipient =
        recipients.register(
            admin,
            new org.sahay.relief.Recipients.RecipientInput(
                "రెడ్డి లక్ష్మి", "9000000008", null, "Kothapalli", null));
    assertThat(asRecipient).isInstanceOf(org.sahay.relief.Recipients.Outcome.LikelySame.class);
    assertThat(((org.sahay.relief.Recipients.Outcome.LikelySame) asRecipient).members())
        .extracting(m -> m.id())
        .containsExactly(her);
    var stranger =
        recipients.register(
            admin,
            new org.sahay.relief.Recipients.RecipientInput(
                "Gauri Sen", "9000000009", null, "Kothapalli", null));
    assertThat(stranger).isInstanceOf(org.sahay.relief.Recipients.Outcome.Saved.class);
    var anyway =
        recipients.register(
            admin,
            new org.sahay.relief.Recipients.RecipientInput(
                "రెడ్డి లక్ష్మి", "9000000008", null, "Kothapalli", true));
    assertThat(anyway).isInstanceOf(org.sahay.relief.Recipients.Outcome.Saved.class);
  }

  @Test
  void aSecondScanWhileOneRunsIsThatOne() {
    Site site = site();
    UUID running = UUID.randomUUID();
    jdbc.sql(
            """
            insert into duplicate_scan (id, organisation_id, requested_by, status, members_total,
              members_done, candidates, likely, possible, created_at)
            values (:id, :o, 'someone', 'RUNNING', 10, 5, 0, 0, 0, current_timestamp)
            """)
        .param("id", running)
        .param("o", site.collective().id().value())
        .update();
    var again =
        http().postJson("/api/v1/duplicates/scan", "", "Authorization", Http.bearer(site.token()));
    assertThat(Json.text(again.body(), "$.id")).isEqualTo(running.toString());
    jdbc.sql("update duplicate_scan set status = 'DONE' where id = :id")
        .param("id", running)
        .update();
    var fresh =
        http().postJson("/api/v1/duplicates/scan", "", "Authorization", Http.bearer(site.token()));
    assertThat(Json.text(fresh.body(), "$.id")).isNotEqualTo(running.toString());
  }

  private PairId pairId(MemberId a, MemberId b) {
    return new PairId(
        jdbc.sql("select id from duplicate_pair where member_a = :a and member_b = :b")
            .param("a", a.value())
            .param("b", b.value())
            .query(UUID.class)
            .single());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String status(MemberId id) {
    return jdbc.sql("select status from member where id = :id")
        .param("id", id.value())
        .query(String.class)
        .single();
  }

  private List<UUID> consentHolders(MemberId a, MemberId b) {
    return jdbc.sql("select distinct member_id from member_consent where member_id in (:a, :b)")
        .param("a", a.value())
        .param("b", b.value())
        .query(UUID.class)
        .list();
  }

  private byte[] features(MemberId id) {
    return jdbc.sql("select features from match_record where member_id = :id")
        .param("id", id.value())
        .query((rs, n) -> rs.getBytes(1))
        .single();
  }
}
