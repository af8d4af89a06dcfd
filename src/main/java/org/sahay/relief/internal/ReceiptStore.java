package org.sahay.relief.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.BatchId;
import org.sahay.relief.StockSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where received stock came from: one row per receipt, beside its movement in the ledger. */
@Repository
public class ReceiptStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  ReceiptStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(
      UUID id,
      OrganisationId organisation,
      StockLedger.Key key,
      BatchId batch,
      BigDecimal quantity,
      StockSource source,
      String sourceNote,
      UUID expenseId,
      LocalDate receivedOn,
      String by) {
    jdbc.sql(
            """
            insert into stock_receipt (id, organisation_id, location_id, item_id, batch_id,
              quantity, source, source_note, expense_id, received_on, recorded_by, recorded_at)
            values (:id, :org, :location, :item, :batch, :q, :source, :note, :expense, :on, :by,
              :now)
            """)
        .param("id", id)
        .param("org", organisation.value())
        .param("location", key.location().value())
        .param("item", key.item().value())
        .param("batch", batch.value())
        .param("q", quantity)
        .param("source", source.name())
        .param("note", sourceNote, Types.VARCHAR)
        .param("expense", expenseId)
        .param("on", receivedOn)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** Whether {@code id} is a receipt of the organisation. */
  public boolean isOf(OrganisationId organisation, UUID id) {
    return jdbc.sql("select count(*) from stock_receipt where id = :id and organisation_id = :org")
            .param("id", id)
            .param("org", organisation.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /** The organisation's receipts, the latest first, at most {@code limit}. */
  public java.util.List<org.sahay.relief.StockReceipt> latest(
      OrganisationId organisation, int limit) {
    return jdbc.sql(
            """
            select id, item_id, quantity, source, received_on from stock_receipt
            where organisation_id = :org order by received_on desc, recorded_at desc limit :limit
            """)
        .param("org", organisation.value())
        .param("limit", limit)
        .query(
            (rs, n) ->
                new org.sahay.relief.StockReceipt(
                    rs.getObject(1, UUID.class),
                    new org.sahay.relief.ItemId(rs.getObject(2, UUID.class)),
                    rs.getBigDecimal(3).stripTrailingZeros(),
                    StockSource.valueOf(rs.getString(4)),
                    rs.getObject(5, LocalDate.class)))
        .list();
  }
}
