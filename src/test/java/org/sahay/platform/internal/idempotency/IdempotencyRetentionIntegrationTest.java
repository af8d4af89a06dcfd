package org.sahay.platform.internal.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyRetentionIntegrationTest extends IntegrationTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private IdempotencyStore store;
  @Autowired private IdempotencyConfig config;

  @Test
  void keysAreKeptAtLeastThirtyDaysBecausePhonesReplayAfterDaysOffline() {
    String principal = "retention-" + UUID.randomUUID();
    insert(principal, "old", 41);
    insert(principal, "recent", 29);
    config.forgetOldKeys();
    assertThat(keys(principal)).containsExactly("recent");
  }

  /** A retention set below thirty days is raised to thirty: a three-day-old key stays. */
  @Test
  void aShorterRetentionAskedForIsRaisedToThirtyDays() {
    String principal = "retention-" + UUID.randomUUID();
    insert(principal, "a-three-days", 3);
    insert(principal, "b-twenty-nine-days", 29);
    insert(principal, "c-thirty-one-days", 31);
    new IdempotencyConfig(store, Duration.ofDays(2)).forgetOldKeys();
    assertThat(keys(principal)).containsExactly("a-three-days", "b-twenty-nine-days");
  }

  private void insert(String principal, String key, int daysAgo) {
    jdbc.sql(
            """
            insert into idempotency_record (principal, idem_key, request_hash, state,
              response_status, created_at, completed_at)
            values (:p, :k, :h, 'COMPLETE', 201, :at, :at)
            """)
        .param("p", principal)
        .param("k", key)
        .param("h", "0".repeat(64))
        .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo))
        .update();
  }

  private java.util.List<String> keys(String principal) {
    return jdbc.sql(
            "select idem_key from idempotency_record where principal = :p order by idem_key")
        .param("p", principal)
        .query(String.class)
        .list();
  }
}
