package org.sahay.platform.internal.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahay.platform.StoredAnswers;
import org.sahay.platform.Vault;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims, completes and replays idempotency keys; each step commits on its own. Completing notes
 * every id the answer names, so that {@link #forgetAnswersNaming} (inside an erasing transaction)
 * can strip the answers that carry an erased person's data.
 */
@Repository
class IdempotencyStore implements StoredAnswers {

  /** The status a stripped answer replays with, as a problem rather than the old body. */
  static final int ERASED = 410;

  private static final Pattern ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int MAX_SUBJECTS = 5000;

  /**
   * {@code COMMITTED}: the request's write has committed (see {@link CommitMarker}) but its answer
   * is not stored yet, or was lost with the node that ran it.
   */
  enum State {
    IN_PROGRESS,
    COMMITTED,
    COMPLETE
  }

  /** A stored answer; {@code body} is empty when it can no longer be opened (key retired). */
  record Stored(
      String requestHash,
      State state,
      int status,
      String contentType,
      Optional<String> body,
      boolean abandoned) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Vault vault;
  private final AppNode node;

  IdempotencyStore(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      Vault vault,
      AppNode node) {
    this.jdbc = jdbc;
    this.node = node;
    this.vault = vault;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * The attempt id when this caller now owns the key; empty when someone already does. A claim
   * still in progress (nothing committed) is taken over by a retry of the same request when the
   * node that holds it has died (its heartbeat stopped: killed, crashed or restarted mid-request),
   * or after {@code staleAfter} whatever happened, so that a phone can always sync its record in
   * the end. A claim whose write has committed ({@link State#COMMITTED}) is never taken over.
   */
  Optional<UUID> claim(String principal, String key, String requestHash, Duration staleAfter) {
    UUID attempt = UUID.randomUUID();
    if (claim(principal, key, requestHash, attempt)) {
      return Optional.of(attempt);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Integer taken =
        tx.execute(
            s ->
                jdbc.sql(
                        """
                        update idempotency_record
                        set created_at = :now, owner_node = :node, attempt = :attempt
                        where principal = :principal and idem_key = :key
                          and request_hash = :hash and state = 'IN_PROGRESS'
                          and (created_at < :cutoff
                            or (owner_node is not null and owner_node <> :node
                              and not exists (select 1 from app_node n
                                where n.id = idempotency_record.owner_node
                                  and n.seen_at >= :alive)))
                        """)
                    .param("now", now)
                    .param("node", node.id())
                    .param("attempt", attempt)
                    .param("alive", node.aliveSince())
                    .param("principal", principal)
                    .param("key", key)
                    .param("hash", requestHash)
                    .param("cutoff", now.minus(staleAfter))
                    .update());
    return taken != null && taken == 1 ? Optional.of(attempt) : Optional.empty();
  }

  private boolean claim(String principal, String key, String requestHash, UUID attempt) {
    try {
      tx.executeWithoutResult(
          s ->
              jdbc.sql(
                      """
                      insert into idempotency_record
                        (principal, idem_key, request_hash, state, created_at, owner_node, attempt)
                      values (:principal, :key, :hash, 'IN_PROGRESS', :now, :node, :attempt)
                      """)
                  .param("node", node.id())
                  .param("attempt", attempt)
                  .param("principal", principal)
                  .param("key", key)
                  .param("hash", requestHash)
                  .param("now", OffsetDateTime.now(clock))
                  .update());
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * The stored state of a key. {@code abandoned} says that no attempt is running it any more: it
   * was released, its node died, or it is older than {@code staleAfter}.
   */
  Optional<Stored> find(String principal, String key, Duration staleAfter) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return jdbc.sql(
            """
            select request_hash, state, response_status, response_content_type, response_body,
              case when owner_node is null or created_at < :cutoff
                or (owner_node <> :node and not exists (select 1 from app_node n
                  where n.id = idempotency_record.owner_node and n.seen_at >= :alive))
                then 1 else 0 end
            from idempotency_record where principal = :principal and idem_key = :key
            """)
        .param("cutoff", now.minus(staleAfter))
        .param("node", node.id())
        .param("alive", node.aliveSince())
        .param("principal", principal)
        .param("key", key)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1),
                    State.valueOf(rs.getString(2)),
                    rs.getInt(3),
                    rs.getString(4),
                    open(principal, key, rs.getString(5)),
                    rs.getInt(6) == 1))
        .optional();
  }

  void complete(
      String principal, String key, UUID attempt, int status, String contentType, String body) {
    Set<UUID> subjects = subjects(body);
    tx.executeWithoutResult(
        s -> {
          insertSubjects(principal, key, List.copyOf(subjects));
          jdbc.sql(
                  """
                    update idempotency_record
                    set state = 'COMPLETE', response_status = :status,
                        response_content_type = :type, response_body = :body, completed_at = :now
                    where principal = :principal and idem_key = :key and attempt = :attempt
                    """)
              .param("attempt", attempt)
              .param("status", status)
              .param("type", contentType)
              .param("body", seal(principal, key, body))
              .param("now", OffsetDateTime.now(clock))
              .param("principal", principal)
              .param("key", key)
              .update();
        });
  }

  /** The ids an answer names, a hundred rows to a statement (one round trip for most answers). */
  private void insertSubjects(String principal, String key, List<UUID> subjects) {
    for (int from = 0; from < subjects.size(); from += 100) {
      List<UUID> chunk = subjects.subList(from, Math.min(subjects.size(), from + 100));
      StringBuilder sql =
          new StringBuilder(
              "insert into idempotency_subject (principal, idem_key, subject) values ");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(:principal, :key, :s").append(i).append(')');
      }
      var statement = jdbc.sql(sql.toString()).param("principal", principal).param("key", key);
      for (int i = 0; i < chunk.size(); i++) {
        statement = statement.param("s" + i, chunk.get(i));
      }
      statement.update();
    }
  }

  /**
   * Joins the caller's transaction (the erasure), so the answers go with the person or not at all.
   * The record itself stays, so that a retry of its key is not run a second time.
   */
  @Override
  public int forgetAnswersNaming(UUID subject) {
    return jdbc.sql(
            """
            update idempotency_record
            set response_status = :erased, response_content_type = null, response_body = null
            where state = 'COMPLETE' and exists (
              select 1 from idempotency_subject s
              where s.subject = :subject and s.principal = idempotency_record.principal
                and s.idem_key = idempotency_record.idem_key)
            """)
        .param("erased", ERASED)
        .param("subject", subject)
        .update();
  }

  private static Set<UUID> subjects(String body) {
    Set<UUID> ids = new LinkedHashSet<>();
    if (body == null) {
      return ids;
    }
    Matcher m = ID.matcher(body);
    while (m.find() && ids.size() < MAX_SUBJECTS) {
      ids.add(UUID.fromString(m.group()));
    }
    return ids;
  }

  /**
   * Gives the key back when the work failed, so that a retry may run it; when the work had already
   * committed a write, the key stays committed and is let go of, so that a retry is answered at
   * once and never runs it again.
   */
  void release(String principal, String key, UUID attempt) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  """
                  delete from idempotency_record
                  where principal = :principal and idem_key = :key and attempt = :attempt
                    and state = 'IN_PROGRESS'
                  """)
              .param("principal", principal)
              .param("key", key)
              .param("attempt", attempt)
              .update();
          jdbc.sql(
                  """
                  update idempotency_record set owner_node = null
                  where principal = :principal and idem_key = :key and attempt = :attempt
                    and state = 'COMMITTED'
                  """)
              .param("principal", principal)
              .param("key", key)
              .param("attempt", attempt)
              .update();
        });
  }

  /** Forgets keys older than {@code age}, finished or stuck in progress after a crash. */
  // Answers can hold personal and sensitive data (a registered member, her profile): they are
  // stored encrypted, bound to their user and key.
  private String seal(String principal, String key, String body) {
    byte[] sealed =
        vault.sealUnderMasterKey(context(principal, key), body.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(sealed);
  }

  private Optional<String> open(String principal, String key, String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    return vault
        .openUnderMasterKey(context(principal, key), Base64.getDecoder().decode(stored))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static String context(String principal, String key) {
    return "idempotency:" + principal + "\u001f" + key;
  }

  int deleteOlderThan(Duration age) {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(age);
    return jdbc.sql("delete from idempotency_record where created_at < :cutoff")
        .param("cutoff", cutoff)
        .update();
  }
}
