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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. Each organisation has its own hash chain (system events have one too),
 * so audited writes in different organisations never wait for one another. An entry is written in
 * the caller's transaction: it exists exactly when the change it describes does. Summaries never
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
  }

  static final String GENESIS = "0".repeat(64);
  private static final String SYSTEM_CHAIN = "system";

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void record(Event event) {
    String chain = chainOf(event.organisation());
    Head head = lockHead(chain);
    long seq = head.lastSeq() + 1;
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String hash = hash(head.lastHash(), seq, chain, at, event);
    jdbc.sql(
            """
            insert into audit_entry (id, chain_key, seq, organisation_id, actor, action,
              entity_type, entity_id, summary, occurred_at, prev_hash, hash)
            values (:id, :chain, :seq, :org, :actor, :action, :type, :entityId, :summary, :at,
              :prev, :hash)
            """)
        .param("id", Ids.newId())
        .param("chain", chain)
        .param("seq", seq)
        .param("org", event.organisation() == null ? null : event.organisation().value())
        .param("actor", event.actor())
        .param("action", event.action())
        .param("type", event.entityType())
        .param("entityId", event.entityId())
        .param("summary", event.summary())
        .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
        .param("prev", head.lastHash())
        .param("hash", hash)
        .update();
    jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where chain_key = :c")
        .param("seq", seq)
        .param("hash", hash)
        .param("c", chain)
        .update();
  }

  /** An organisation's entries, newest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> entriesOf(OrganisationId organisation, int page, int size) {
    return jdbc.sql(
            """
            select id, seq, organisation_id, actor, action, entity_type, entity_id, summary,
              occurred_at
            from audit_entry where chain_key = :chain
            order by seq desc limit :size offset :offset
            """)
        .param("chain", chainOf(organisation))
        .param("size", size)
        .param("offset", (long) page * size)
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
            order by seq desc limit :limit
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
  @Transactional(readOnly = true)
  public AuditVerification verify() {
    List<AuditVerification.Finding> findings = new ArrayList<>();
    long[] checked = {0};
    List<Head> heads =
        jdbc.sql("select chain_key, last_seq, last_hash from audit_chain_head order by chain_key")
            .query((rs, n) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)))
            .list();
    for (Head head : heads) {
      ChainCheck check = new ChainCheck(head.chain(), findings);
      jdbc.sql(
              """
              select seq, organisation_id, actor, action, entity_type, entity_id, summary,
                occurred_at, prev_hash, hash
              from audit_entry where chain_key = :chain order by seq
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
      UUID org = rs.getObject("organisation_id", UUID.class);
      Event event =
          new Event(
              rs.getString("actor"),
              org == null ? null : new OrganisationId(org),
              rs.getString("action"),
              rs.getString("entity_type"),
              rs.getString("entity_id"),
              rs.getString("summary"));
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

    void finish(Head head) {
      if (head.lastSeq() >= expectedSeq || !head.lastHash().equals(previousHash)) {
        findings.add(
            new AuditVerification.Finding(
                chain, head.lastSeq(), AuditVerification.Kind.TAIL_MISSING));
      }
    }
  }

  private record Head(String chain, long lastSeq, String lastHash) {}

  private Head lockHead(String chain) {
    var head = selectHeadForUpdate(chain);
    if (head != null) {
      return head;
    }
    // First entry of this chain: its head is made in the caller's own transaction and connection.
    // A concurrent first entry waits for that transaction and then finds the head, instead of
    // holding one connection while it waits for another.
    jdbc.sql(
            "insert into audit_chain_head (chain_key, last_seq, last_hash) values (:c, 0, :h)"
                + " on conflict do nothing")
        .param("c", chain)
        .param("h", GENESIS)
        .update();
    return Objects.requireNonNull(selectHeadForUpdate(chain));
  }

  private Head selectHeadForUpdate(String chain) {
    return jdbc.sql(
            "select chain_key, last_seq, last_hash from audit_chain_head where chain_key = :c"
                + " for update")
        .param("c", chain)
        .query((rs, n) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)))
        .optional()
        .orElse(null);
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
