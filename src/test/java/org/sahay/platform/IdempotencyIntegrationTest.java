package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sahay.Fixtures;
import org.sahay.Http;
import org.sahay.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;

  @Test
  void aRepeatedKeyReturnsTheFirstAnswerWithoutDoingTheWorkAgain() {
    Http http = http();
    String token = adminToken(http);
    String key = UUID.randomUUID().toString();
    String code = Fixtures.shortCode();
    var first = create(http, token, key, code);
    var second = create(http, token, key, code);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(organisationsWithCode(code)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithADifferentBodyIsRefused() {
    Http http = http();
    String token = adminToken(http);
    String key = UUID.randomUUID().toString();
    create(http, token, key, Fixtures.shortCode());
    String other = Fixtures.shortCode();
    var refused = create(http, token, key, other);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(organisationsWithCode(other)).isZero();
  }

  @Test
  void keysBelongToTheirUser() {
    Http http = http();
    String one = adminToken(http);
    String two = adminToken(http);
    String key = UUID.randomUUID().toString();
    var first = create(http, one, key, Fixtures.shortCode());
    var second = create(http, two, key, Fixtures.shortCode());
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(second.body()).isNotEqualTo(first.body());
  }

  @Test
  void concurrentRepeatsExecuteOnce() throws Exception {
    Http http = http();
    String token = adminToken(http);
    String key = UUID.randomUUID().toString();
    String code = Fixtures.shortCode();
    int attempts = 12;
    var pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> results = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return create(new Http(port), token, key, code);
              }));
    }
    start.countDown();
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (var f : results) {
      responses.add(f.get());
    }
    pool.shutdown();
    assertThat(organisationsWithCode(code)).isEqualTo(1);
    var created = responses.stream().filter(r -> r.statusCode() == 201).toList();
    assertThat(created).isNotEmpty();
    assertThat(created.stream().map(HttpResponse::body).distinct()).hasSize(1);
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
  }

  @Test
  void aFailedFirstAttemptDoesNotBlockARetry() {
    Http http = http();
    String token = adminToken(http);
    String key = UUID.randomUUID().toString();
    var invalid =
        http.postJson(
            "/api/v1/organisations",
            "{\"name\":\"\"}",
            "Authorization",
            Http.bearer(token),
            "Idempotency-Key",
            key);
    assertThat(invalid.statusCode()).isEqualTo(400);
    // A 4xx answer is an answer: replayed, not re-run.
    var again =
        http.postJson(
            "/api/v1/organisations",
            "{\"name\":\"\"}",
            "Authorization",
            Http.bearer(token),
            "Idempotency-Key",
            key);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
  }

  @Test
  void aClaimLeftInProgressByAnAttemptThatDiedIsTakenOverByTheRetry() {
    Http http = http();
    String token = adminToken(http);
    String key = UUID.randomUUID().toString();
    String code = Fixtures.shortCode();
    assertThat(create(http, token, key, code).statusCode()).isEqualTo(201);
    // As if the server had died before answering: the claim stays in progress, an hour old.
    jdbc.sql(
            """
            update idempotency_record set state = 'IN_PROGRESS', response_status = null,
              response_body = null, response_content_type = null, completed_at = null,
              created_at = :then
            where idem_key = :key
            """)
        .param("then", java.time.OffsetDateTime.now().minusHours(1))
        .param("key", key)
        .update();

    var retry = create(http, token, key, code);

    assertThat(retry.statusCode()).isNotEqualTo(409);
    assertThat(retry.body()).doesNotContain("still being processed");
    assertThat(
            jdbc.sql("select state from idempotency_record where idem_key = :key")
                .param("key", key)
                .query(String.class)
                .single())
        .isEqualTo("COMPLETE");
    assertThat(organisationsWithCode(code)).isEqualTo(1);
  }

  @Test
  void theSameKeyAndBodyToAnotherQueryIsAnotherRequestAndRefused() {
    Http http = http();
    String token = adminToken(http);
    String key = UUID.randomUUID().toString();
    String code = Fixtures.shortCode();
    assertThat(create(http, token, key, code).statusCode()).isEqualTo(201);
    var other =
        http.postJson(
            "/api/v1/organisations?copy=2",
            body(code),
            "Authorization",
            Http.bearer(token),
            "Idempotency-Key",
            key);
    assertThat(other.statusCode()).isEqualTo(422);
  }

  private String adminToken(Http http) {
    var admin = fixtures.systemAdmin();
    return http.token(admin.username(), admin.password());
  }

  private HttpResponse<String> create(Http http, String token, String key, String code) {
    return http.postJson(
        "/api/v1/organisations",
        body(code),
        "Authorization",
        Http.bearer(token),
        "Idempotency-Key",
        key);
  }

  private static String body(String code) {
    return "{\"name\":\"Idempotent collective "
        + code
        + "\",\"kind\":\"COLLECTIVE\",\"state\":\"West Bengal\",\"district\":\"Kolkata\","
        + "\"shortCode\":\""
        + code
        + "\",\"defaultLanguage\":\"bn\",\"timeZone\":\"Asia/Kolkata\"}";
  }

  private long organisationsWithCode(String code) {
    return jdbc.sql("select count(*) from organisation where short_code = :c")
        .param("c", code)
        .query(Long.class)
        .single();
  }
}
