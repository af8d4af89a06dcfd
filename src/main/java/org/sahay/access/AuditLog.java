package org.sahay.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Pages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit log. Each organisation has its own hash chain (system events have one too).
 * An entry is written in the caller's transaction: it exists exactly when the change it describes
 * does; it is sealed into its chain (numbered, hashed over the one before) by {@link AuditChains}
 * just after, so that audited writes of one collective do not queue on its chain. Summaries never
 * carry sensitive values.
 */
@Service
public class AuditLog {

  /** What happened; {@code organisation} is null for system-level events. */
  public record Event(
      String actor,
      OrganisationId organisation,
      String action,
      String entityType,
      String entityId,
      String summary) {

    public Event {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(entityType, "entityType");
      summary = summary == null ? "" : summary;
      if (summary.length() > 500) {
        summary = summary.substring(0, 500);
      }
      if (actor.length() > 64) {
        actor = actor.substring(0, 64);
      }
    }

    /** Something a user did to their own account (a second factor, a passkey). */
    public static Event ownAccount(Actor actor, String action, String summary) {
      return new Event(
          actor.username(),
          actor.organisation(),
          action,
          "user",
          actor.id().value().toString(),
          summary);
    }
  }

  static final String GENESIS = "0".repeat(64);
  private static final String SYSTEM_CHAIN = "system";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditChains chains;
  private final org.sahay.platform.BulkRows bulk;
  private final org.springframework.transaction.support.TransactionTemplate snapshot;

  AuditLog(
      JdbcClient jdbc,
      Clock clock,
      AuditChains chains,
      org.sahay.platform.BulkRows bulk,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.clock = clock;
    this.chains = chains;
    this.snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(
        org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Writes the entry, unsealed, in the caller's transaction; {@link AuditChains} gives it its
   * number and hash in the chain within a fraction of a second of the commit. A writer never waits
   * on the chain's head.
   */
  @Transactional
  public void record(Event event) {
    String chain = chainOf(event.organisation());
    chains.ensureHead(chain);
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            """
            insert into audit_entry (id, chain_key, organisation_id, actor, action,
              entity_type, entity_id, summary, occurred_at)
            values (:id, :chain, :org, :actor, :action, :type, :entityId, :summary, :at)
            """)
        .param("id", Ids.newId())
        .param("chain", chain)
        .param("org", event.organisation() == null ? null : event.organisation().value())
        .param("actor", event.actor())
        .param("action", event.action())
        .param("type", event.entityType())
        .param("entityId", event.entityId())
        .param("summary", event.summary())
        .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
        .update();
    sealAfterCommit(chain);
  }

  /**
   * Writes several entries at once (an import's chunk), unsealed, in the caller's transaction: one
   * bulk write instead of a statement each; sealed like {@link #record}'s.
   */
  @Transactional
  public void recordAll(List<Event> events) {
    OffsetDateTime at =
        OffsetDateTime.ofInstant(
            clock.instant().truncatedTo(ChronoUnit.MICROS), java.time.ZoneOffset.UTC);
    java.util.Set<String> written = new java.util.LinkedHashSet<>();
    List<Object[]> rows = new ArrayList<>(events.size());
    for (Event event : events) {
      String chain = chainOf(event.organisation());
      if (written.add(chain)) {
        chains.ensureHead(chain);
      }
      rows.add(
          new Object[] {
            Ids.newId(),
            chain,
            event.organisation() == null ? null : event.organisation().value(),
            event.actor(),
            event.action(),
            event.entityType(),
            event.entityId(),
            event.summary(),
            at
          });
    }
    bulk.insert("audit_entry", ENTRY_COLUMNS, rows);
    written.forEach(this::sealAfterCommit);
  }

  private static final List<String> ENTRY_COLUMNS =
      List.of(
          "id",
          "chain_key",
          "organisation_id",
          "actor",
          "action",
          "entity_type",
          "entity_id",
          "summary",
          "occurred_at");

  /** Has the chain sealed just after the commit; a node that dies first leaves it to the sweep. */
  private void sealAfterCommit(String chain) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              chains.headed(chain);
              chains.written(chain);
            }
          });
    }
  }

  /** Seals every entry written so far into its chain now (a verification does this first). */
  public int sealPending() {
    return chains.sealAll();
  }

  /** An organisation's entries, newest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> entriesOf(OrganisationId organisation, int page, int size) {
    return entriesOf(organisation, page, size, false);
  }

  /** Sign-ins, lockouts, sessions ended, tokens and changes to users and what they may do. */
  public static final List<String> SECURITY_EVENTS =
      List.of(
          "LOGIN",
          "LOGIN_FAILED",
          "LOGIN_LOCKED",
          "PASSWORD_CHANGED",
          "SESSION_ENDED",
          "TOKEN_CREATED",
          "TOKEN_REVOKED",
          "SECOND_FACTOR_ENROLLED",
          "SECOND_FACTOR_REMOVED",
          "SECOND_FACTOR_FAILED",
          "SECOND_FACTOR_RESET",
          "PASSKEY_ADDED",
          "PASSKEY_REMOVED",
          "USER_CREATED",
          "USER_DEACTIVATED",
          "USER_REACTIVATED",
          "USER_GRANTED",
          "USER_GRANT_REVOKED",
          "USER_SESSIONS_ENDED",
          "USER_UNLOCKED");

  /** The organisation's entries, newest first; with {@code securityOnly} its security events. */
  public List<AuditEntry> entriesOf(
      OrganisationId organisation, int page, int size, boolean securityOnly) {
    return jdbc.sql(
            """
            select id, seq, organisation_id, actor, action, entity_type, entity_id, summary,
              occurred_at
            from audit_entry where chain_key = :chain
              and (:all = true or action in (:security))
            order by seq desc, occurred_at desc, id desc limit :size offset :offset
            """)
        .param("chain", chainOf(organisation))
        .param("all", !securityOnly)
        .param("security", SECURITY_EVENTS)
        .param("size", size)
        .param("offset", Pages.offset(page, size))
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getObject("id", UUID.class),
                    rs.getLong("seq"),
                    organisation,
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("summary"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The newest entries about one thing (a member, say) of an organisation, newest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> entriesAbout(
      OrganisationId organisation, String entityType, String entityId, int limit) {
    return jdbc.sql(
            """
            select id, seq, organisation_id, actor, action, entity_type, entity_id, summary,
              occurred_at
            from audit_entry
            where chain_key = :chain and entity_type = :type and entity_id = :entity
            order by seq desc, occurred_at desc, id desc limit :limit
            """)
        .param("chain", chainOf(organisation))
        .param("type", entityType)
        .param("entity", entityId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getObject("id", UUID.class),
                    rs.getLong("seq"),
                    organisation,
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("entity_type"),
                    rs.getString("entity_id"),
                    rs.getString("summary"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Recomputes every chain and reports altered entries, gaps and a missing tail. */
  public AuditVerification verify() {
    chains.sealAll();
    // One snapshot for the heads and the entries: a block sealed meanwhile is not half seen.
    return snapshot.execute(s -> verifySealed());
  }

  private AuditVerification verifySealed() {
    List<AuditVerification.Finding> findings = new ArrayList<>();
    long[] checked = {0};
    List<AuditChains.Head> heads =
        jdbc.sql("select chain_key, last_seq, last_hash from audit_chain_head order by chain_key")
            .query((rs, n) -> new AuditChains.Head(rs.getString(1), rs.getLong(2), rs.getString(3)))
            .list();
    for (AuditChains.Head head : heads) {
      ChainCheck check = new ChainCheck(head.chain(), findings);
      jdbc.sql(
              """
              select seq, organisation_id, actor, action, entity_type, entity_id, summary,
                occurred_at, prev_hash, hash
              from audit_entry where chain_key = :chain and seq is not null order by seq
              """)
          .param("chain", head.chain())
          .query(
              (ResultSet rs) -> {
                checked[0]++;
                check.next(rs);
              });
      check.finish(head);
    }
    return new AuditVerification(checked[0], List.copyOf(findings));
  }

  private final class ChainCheck {
    private final String chain;
    private final List<AuditVerification.Finding> findings;
    private long expectedSeq = 1;
    private String previousHash = GENESIS;

    ChainCheck(String chain, List<AuditVerification.Finding> findings) {
      this.chain = chain;
      this.findings = findings;
    }

    void next(ResultSet rs) throws SQLException {
      long seq = rs.getLong("seq");
      if (seq != expectedSeq) {
        findings.add(
            new AuditVerification.Finding(chain, expectedSeq, AuditVerification.Kind.MISSING));
      }
      Event event = eventOf(rs);
      Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
      String stored = rs.getString("hash");
      String prev = rs.getString("prev_hash");
      boolean linkOk = seq != expectedSeq || prev.equals(previousHash);
      if (!linkOk || !stored.equals(hash(prev, seq, chain, at, event))) {
        findings.add(new AuditVerification.Finding(chain, seq, AuditVerification.Kind.ALTERED));
      }
      previousHash = stored;
      expectedSeq = seq + 1;
    }

    void finish(AuditChains.Head head) {
      if (head.lastSeq() >= expectedSeq || !head.lastHash().equals(previousHash)) {
        findings.add(
            new AuditVerification.Finding(
                chain, head.lastSeq(), AuditVerification.Kind.TAIL_MISSING));
      }
    }
  }

  /** The event an audit entry row records (its columns as written by {@link #record}). */
  static Event eventOf(ResultSet rs) throws SQLException {
    UUID org = rs.getObject("organisation_id", UUID.class);
    return new Event(
        rs.getString("actor"),
        org == null ? null : new OrganisationId(org),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        rs.getString("summary"));
  }

  private static String chainOf(OrganisationId organisation) {
    return organisation == null ? SYSTEM_CHAIN : organisation.toString();
  }

  static String hash(String prev, long seq, String chain, Instant at, Event e) {
    String canonical =
        String.join(
            "\u001f",
            prev,
            Long.toString(seq),
            chain,
            at.truncatedTo(ChronoUnit.MICROS).toString(),
            e.actor(),
            e.organisation() == null ? "" : e.organisation().toString(),
            e.action(),
            e.entityType(),
            e.entityId() == null ? "" : e.entityId(),
            e.summary());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
