package org.sahay.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sahay.platform.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit entries into their chain, in blocks, by one writer per chain at a time. An entry is
 * written unsealed in the transaction of the change it describes (so a busy collective's writes no
 * longer queue on its chain's head row until they commit); within a fraction of a second of the
 * commit, this takes the head, gives each unsealed entry of the chain its number and its hash over
 * the previous one, in the order they were written, and moves the head: one short transaction for
 * many entries. Another node sealing the same chain waits for the head and then finds nothing left.
 * A sealed entry that is changed, removed or cut from the end is found by {@link AuditLog#verify}
 * as before; an entry is open to an undetected change only in the moment before it is sealed, and a
 * verification seals everything first.
 */
@Component
class AuditChains {

  static final int BLOCK = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Database database;
  private final TransactionTemplate tx;
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();

  AuditChains(
      JdbcClient jdbc,
      JdbcTemplate batch,
      Database database,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.database = database;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Chains whose head this node knows exists (made with a chain's first entry). */
  private final Set<String> headed = ConcurrentHashMap.newKeySet();

  /**
   * Makes sure the chain has a head, in the writer's transaction, so that the sweep finds every
   * chain with unsealed entries by its head; once per chain and node. The head is only read and
   * moved by the sealer.
   */
  void ensureHead(String chain) {
    if (!headed.contains(chain)) {
      insertHead(chain);
    }
  }

  private void insertHead(String chain) {
    jdbc.sql(
            "insert into audit_chain_head (chain_key, last_seq, last_hash) values (:c, 0, :h)"
                + " on conflict do nothing")
        .param("c", chain)
        .param("h", AuditLog.GENESIS)
        .update();
  }

  /** The chain's head is committed: no need to make it again. */
  void headed(String chain) {
    headed.add(chain);
  }

  /** A chain that has a new entry committed: sealed at the next turn of the sealer. */
  void written(String chain) {
    waiting.add(chain);
  }

  @Scheduled(fixedDelayString = "${sahay.audit.seal-every:200ms}")
  void sealWritten() {
    for (String chain : List.copyOf(waiting)) {
      waiting.remove(chain);
      seal(chain);
    }
  }

  /**
   * Every chain with unsealed entries, including those a node wrote just before it stopped: a look
   * at each chain's unsealed entries through its (chain, number) index. Every chain has a head from
   * its first entry on ({@link #ensureHead}).
   */
  @Scheduled(
      fixedDelayString = "${sahay.audit.sweep-every:60s}",
      initialDelayString = "${sahay.audit.sweep-after:10s}")
  int sealAll() {
    int sealed = 0;
    for (String chain :
        jdbc.sql("select chain_key from audit_chain_head order by chain_key")
            .query(String.class)
            .list()) {
      sealed += seal(chain);
    }
    return sealed;
  }

  /** Seals the chain's unsealed entries, a block at a time; returns how many. */
  int seal(String chain) {
    int total = 0;
    while (true) {
      Integer sealed = tx.execute(s -> sealBlock(chain));
      total += sealed == null ? 0 : sealed;
      if (sealed == null || sealed < BLOCK) {
        return total;
      }
    }
  }

  private record Unsealed(UUID id, Instant at, AuditLog.Event event) {}

  private int sealBlock(String chain) {
    Head head = lockHead(chain);
    List<Unsealed> block =
        jdbc.sql(
                """
                select id, organisation_id, actor, action, entity_type, entity_id, summary,
                  occurred_at
                from audit_entry where chain_key = :chain and seq is null
                order by occurred_at, id limit :block
                """)
            .param("chain", chain)
            .param("block", BLOCK)
            .query(
                (rs, n) ->
                    new Unsealed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        AuditLog.eventOf(rs)))
            .list();
    if (block.isEmpty()) {
      return 0;
    }
    long seq = head.lastSeq();
    String previous = head.lastHash();
    List<Seal> seals = new ArrayList<>(block.size());
    for (Unsealed entry : block) {
      seq++;
      String hash = AuditLog.hash(previous, seq, chain, entry.at(), entry.event());
      seals.add(new Seal(entry.id(), seq, previous, hash));
      previous = hash;
    }
    write(chain, seals);
    jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where chain_key = :c")
        .param("seq", seq)
        .param("hash", previous)
        .param("c", chain)
        .update();
    return block.size();
  }

  /** An entry's place in its chain: its number, the hash before it and its own. */
  record Seal(UUID id, long seq, String previousHash, String hash) {}

  /**
   * Writes the seals onto their entries, each only if it is still unsealed, and throws unless every
   * one was: the caller's transaction then rolls back rather than move the head past entries that
   * hold another sealer's numbers (the head's lock should make that impossible).
   */
  void write(String chain, List<Seal> seals) {
    int sealed = database.postgres() ? writeInOneStatement(seals) : writeInBatch(seals);
    if (sealed != seals.size()) {
      throw new IllegalStateException(
          "sealed " + sealed + " of " + seals.size() + " entries of chain " + chain);
    }
  }

  /**
   * PostgreSQL: one statement over arrays of the block's values, not a statement per entry (each of
   * which PostgreSQL parses, binds and runs on its own even in a JDBC batch).
   */
  private int writeInOneStatement(List<Seal> seals) {
    Long[] seqs = new Long[seals.size()];
    String[] previous = new String[seals.size()];
    String[] hashes = new String[seals.size()];
    UUID[] ids = new UUID[seals.size()];
    for (int i = 0; i < seals.size(); i++) {
      Seal seal = seals.get(i);
      seqs[i] = seal.seq();
      previous[i] = seal.previousHash();
      hashes[i] = seal.hash();
      ids[i] = seal.id();
    }
    return batch.update(
        """
        update audit_entry e set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::uuid[])
          as v(seq, prev_hash, hash, id)
        where e.id = v.id and e.seq is null
        """,
        ps -> {
          var connection = ps.getConnection();
          ps.setArray(1, connection.createArrayOf("bigint", seqs));
          ps.setArray(2, connection.createArrayOf("varchar", previous));
          ps.setArray(3, connection.createArrayOf("varchar", hashes));
          ps.setArray(4, connection.createArrayOf("uuid", ids));
        });
  }

  /** H2: one JDBC batch of single-row updates. */
  private int writeInBatch(List<Seal> seals) {
    int[] counts =
        batch.batchUpdate(
            "update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null",
            seals.stream()
                .map(s -> new Object[] {s.seq(), s.previousHash(), s.hash(), s.id()})
                .toList());
    int sealed = 0;
    for (int count : counts) {
      // A count the driver does not know (SUCCESS_NO_INFO) is negative: it fails the check.
      sealed += count;
    }
    return sealed;
  }

  record Head(String chain, long lastSeq, String lastHash) {}

  private Head lockHead(String chain) {
    var head = selectHeadForUpdate(chain);
    if (head != null) {
      return head;
    }
    insertHead(chain);
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
}
