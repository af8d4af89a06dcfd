package org.sahay.relief.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.AdjustmentReason;
import org.sahay.relief.BatchId;
import org.sahay.relief.ItemId;
import org.sahay.relief.LocationId;
import org.sahay.relief.StockLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change of stock goes through here, inside the caller's transaction. A writer first locks
 * the balance row of each location and item it touches ({@link #lock}), always in the same order so
 * that two writers never wait for each other in a circle; only then does it read what is on hand,
 * so the check and the change cannot be split by another phone. Distributions and transfers take
 * from the batch that expires first. The database's CHECK constraints are the last guard.
 */
@Repository
public class StockLedger {

  /** A location and an item: what one balance row counts. */
  public record Key(LocationId location, ItemId item) {}

  /** What was taken from (or put back into) one batch. */
  public record Taken(BatchId batch, ItemId item, BigDecimal quantity, LocalDate expiresOn) {}

  /** Why stock moved, who moved it, and the receipt, transfer or distribution it belongs to. */
  public record Move(String kind, AdjustmentReason reason, UUID reference, String by) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing((Key k) -> k.location().value()).thenComparing(k -> k.item().value());

  private final JdbcClient jdbc;
  private final Clock clock;

  StockLedger(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Locks the balance rows of {@code keys} until the caller's transaction ends and answers what is
   * on hand for each. With {@code create}, a missing row is created first, in the caller's own
   * transaction and connection (a concurrent first receipt waits for it, then finds it); without, a
   * missing row is zero.
   */
  public Map<Key, BigDecimal> lock(
      OrganisationId organisation, Collection<Key> keys, boolean create) {
    List<Key> ordered = keys.stream().distinct().sorted(ORDER).toList();
    Map<Key, BigDecimal> onHand = new LinkedHashMap<>();
    for (Key key : ordered) {
      BigDecimal found = lockOne(organisation, key);
      if (found == null && create) {
        jdbc.sql(
                """
                insert into stock_balance (location_id, item_id, organisation_id, on_hand)
                values (:location, :item, :org, 0)
                on conflict do nothing
                """)
            .param("location", key.location().value())
            .param("item", key.item().value())
            .param("org", organisation.value())
            .update();
        found = lockOne(organisation, key);
      }
      onHand.put(key, found == null ? BigDecimal.ZERO : found);
    }
    return onHand;
  }

  private BigDecimal lockOne(OrganisationId organisation, Key key) {
    return jdbc.sql(
            """
            select on_hand from stock_balance
            where location_id = :location and item_id = :item and organisation_id = :org
            for update
            """)
        .param("location", key.location().value())
        .param("item", key.item().value())
        .param("org", organisation.value())
        .query((rs, n) -> Quantities.read(rs, 1))
        .optional()
        .orElse(null);
  }

  /** Adds a new batch; the caller holds the lock of its balance row. */
  public BatchId receive(
      OrganisationId organisation, Key key, BigDecimal quantity, LocalDate expiresOn, Move move) {
    BatchId batch = new BatchId(Ids.newId());
    jdbc.sql(
            """
            insert into stock_batch (id, organisation_id, location_id, item_id, expires_on,
              on_hand, created_at)
            values (:id, :org, :location, :item, :expires, 0, :now)
            """)
        .param("id", batch.value())
        .param("org", organisation.value())
        .param("location", key.location().value())
        .param("item", key.item().value())
        .param("expires", expiresOn, Types.DATE)
        .param("now", OffsetDateTime.now(clock))
        .update();
    change(organisation, key, batch, quantity, move);
    return batch;
  }

  /**
   * Takes {@code quantity} from the batches that expire first (or from {@code only}); the caller
   * holds the lock and has checked that enough is on hand. Answers what came from which batch.
   */
  public List<Taken> take(
      OrganisationId organisation, Key key, BigDecimal quantity, BatchId only, Move move) {
    List<Taken> taken = new ArrayList<>();
    BigDecimal left = quantity;
    for (StockLevel.Batch batch : batches(organisation, key)) {
      if (left.signum() == 0) {
        break;
      }
      if (only != null && !only.equals(batch.id())) {
        continue;
      }
      BigDecimal part = batch.onHand().min(left);
      change(organisation, key, batch.id(), part.negate(), move);
      taken.add(new Taken(batch.id(), key.item(), part, batch.expiresOn()));
      left = left.subtract(part);
    }
    if (left.signum() != 0) {
      throw new IllegalStateException("take called without enough stock on hand");
    }
    return taken;
  }

  /** Puts back what a distribution took, into the batch it came from. */
  public void putBack(OrganisationId organisation, LocationId location, Taken taken, Move move) {
    change(organisation, new Key(location, taken.item()), taken.batch(), taken.quantity(), move);
  }

  /** What is on hand in one batch of the key, or zero. */
  public BigDecimal inBatch(OrganisationId organisation, Key key, BatchId batch) {
    return batches(organisation, key).stream()
        .filter(b -> b.id().equals(batch))
        .map(StockLevel.Batch::onHand)
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  /** Batches with stock left, the soonest-expiring first, those without expiry last. */
  public List<StockLevel.Batch> batches(OrganisationId organisation, Key key) {
    return jdbc.sql(
            """
            select id, expires_on, on_hand from stock_batch
            where organisation_id = :org and location_id = :location and item_id = :item
              and on_hand > 0
            order by case when expires_on is null then 1 else 0 end, expires_on, created_at, id
            """)
        .param("org", organisation.value())
        .param("location", key.location().value())
        .param("item", key.item().value())
        .query(
            (rs, n) ->
                new StockLevel.Batch(
                    new BatchId(rs.getObject(1, UUID.class)),
                    rs.getObject(2, LocalDate.class),
                    Quantities.read(rs, 3)))
        .list();
  }

  /** Stock levels of the collective (of one location if given), with their batches. */
  public List<StockLevel> levels(OrganisationId organisation, LocationId location) {
    var query =
        jdbc.sql(
                "select location_id, item_id from stock_balance where organisation_id = :org"
                    + (location == null ? "" : " and location_id = :location")
                    + " order by location_id, item_id")
            .param("org", organisation.value());
    if (location != null) {
      query = query.param("location", location.value());
    }
    List<Key> keys =
        query
            .query(
                (rs, n) ->
                    new Key(
                        new LocationId(rs.getObject(1, UUID.class)),
                        new ItemId(rs.getObject(2, UUID.class))))
            .list();
    List<StockLevel> levels = new ArrayList<>();
    for (Key key : keys) {
      levels.add(
          new StockLevel(
              key.location(), key.item(), onHand(organisation, key), batches(organisation, key)));
    }
    return levels;
  }

  /** What is on hand, without locking. */
  public BigDecimal onHand(OrganisationId organisation, Key key) {
    return jdbc.sql(
            """
            select on_hand from stock_balance
            where organisation_id = :org and location_id = :location and item_id = :item
            """)
        .param("org", organisation.value())
        .param("location", key.location().value())
        .param("item", key.item().value())
        .query((rs, n) -> Quantities.read(rs, 1))
        .optional()
        .orElse(BigDecimal.ZERO);
  }

  /** The signed sum of every movement of the key: what the ledger says should be on hand. */
  public BigDecimal movementSum(OrganisationId organisation, Key key) {
    return jdbc.sql(
            """
            select coalesce(sum(delta), 0) from stock_movement
            where organisation_id = :org and location_id = :location and item_id = :item
            """)
        .param("org", organisation.value())
        .param("location", key.location().value())
        .param("item", key.item().value())
        .query((rs, n) -> Quantities.read(rs, 1))
        .single();
  }

  private void change(
      OrganisationId organisation, Key key, BatchId batch, BigDecimal delta, Move move) {
    jdbc.sql(
            "update stock_batch set on_hand = on_hand + :d where id = :id and organisation_id = :org")
        .param("d", delta)
        .param("id", batch.value())
        .param("org", organisation.value())
        .update();
    int balance =
        jdbc.sql(
                """
                update stock_balance set on_hand = on_hand + :d
                where location_id = :location and item_id = :item and organisation_id = :org
                """)
            .param("d", delta)
            .param("location", key.location().value())
            .param("item", key.item().value())
            .param("org", organisation.value())
            .update();
    if (balance != 1) {
      throw new IllegalStateException("stock changed without its balance row");
    }
    jdbc.sql(
            """
            insert into stock_movement (id, organisation_id, location_id, item_id, batch_id, kind,
              delta, reason, reference_id, recorded_by, recorded_at)
            values (:id, :org, :location, :item, :batch, :kind, :delta, :reason, :ref, :by, :now)
            """)
        .param("id", Ids.newId())
        .param("org", organisation.value())
        .param("location", key.location().value())
        .param("item", key.item().value())
        .param("batch", batch.value())
        .param("kind", move.kind())
        .param("delta", delta)
        .param("reason", move.reason() == null ? null : move.reason().name(), Types.VARCHAR)
        .param("ref", move.reference())
        .param("by", move.by())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }
}
