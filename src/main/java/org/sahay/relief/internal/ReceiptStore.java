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
}
