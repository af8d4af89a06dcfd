package org.sahay.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.ExpenseId;
import org.sahay.funds.JournalEntryId;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.support.DisbursementId;
import org.sahay.support.PaymentMode;
import org.sahay.support.SupportLineId;
import org.sahay.support.SupportRequestId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was paid and delivered against support lines: disbursements with their claims (once per
 * person and line) and the needs they met, and goods deliveries; every row names the collective.
 */
@Repository
public class PaymentStore {

  /** A disbursement as stored. */
  public record Disbursement(
      DisbursementId id,
      OrganisationId organisation,
      SupportRequestId request,
      SupportLineId line,
      Beneficiary recipient,
      long amountPaise,
      PaymentMode mode,
      String reference,
      LocalDate paidOn,
      ExpenseId expense,
      JournalEntryId journalEntry,
      String recordedBy,
      OffsetDateTime recordedAt,
      OffsetDateTime reversedAt) {}

  /** A delivery of goods against a line: the stock receipt relief recorded for it. */
  public record Delivery(
      UUID id,
      SupportRequestId request,
      SupportLineId line,
      UUID receipt,
      int quantity,
      LocalDate receivedOn,
      String recordedBy,
      OffsetDateTime recordedAt) {}

  public void insertDelivery(OrganisationId organisation, Delivery d) {
    jdbc.sql(
            """
            insert into support_delivery (id, organisation_id, request_id, line_id, receipt_id,
              quantity, received_on, recorded_by, recorded_at)
            values (:id, :org, :request, :line, :receipt, :quantity, :on, :by, :at)
            """)
        .param("id", d.id())
        .param("org", organisation.value())
        .param("request", d.request().value())
        .param("line", d.line().value())
        .param("receipt", d.receipt())
        .param("quantity", d.quantity())
        .param("on", d.receivedOn())
        .param("by", d.recordedBy())
        .param("at", d.recordedAt())
        .update();
    jdbc.sql("update support_line set delivered_quantity = delivered_quantity + :q where id = :id")
        .param("q", d.quantity())
        .param("id", d.line().value())
        .update();
  }

  public List<Delivery> deliveries(SupportRequestId request) {
    return jdbc.sql("select * from support_delivery where request_id = :r order by recorded_at, id")
        .param("r", request.value())
        .query(
            (rs, n) ->
                new Delivery(
                    rs.getObject("id", UUID.class),
                    new SupportRequestId(rs.getObject("request_id", UUID.class)),
                    new SupportLineId(rs.getObject("line_id", UUID.class)),
                    rs.getObject("receipt_id", UUID.class),
                    rs.getInt("quantity"),
                    rs.getObject("received_on", LocalDate.class),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * Claims the one payment of a line to a recipient. The primary key refuses a second claim; the
   * caller looks first, under the line's lock, so that PostgreSQL never sees a failed insert in the
   * middle of the transaction.
   */
  public void claim(SupportLineId line, Beneficiary recipient, DisbursementId disbursement) {
    jdbc.sql(
            "insert into disbursement_claim (line_id, recipient, disbursement_id)"
                + " values (:line, :recipient, :d)")
        .param("line", line.value())
        .param("recipient", recipient.key())
        .param("d", disbursement.value())
        .update();
  }

  public Optional<DisbursementId> claimOf(SupportLineId line, Beneficiary recipient) {
    return jdbc.sql(
            "select disbursement_id from disbursement_claim where line_id = :line"
                + " and recipient = :recipient")
        .param("line", line.value())
        .param("recipient", recipient.key())
        .query(UUID.class)
        .optional()
        .map(DisbursementId::new);
  }

  public void releaseClaim(DisbursementId disbursement) {
    jdbc.sql("delete from disbursement_claim where disbursement_id = :d")
        .param("d", disbursement.value())
        .update();
  }

  public void insertDisbursement(Disbursement d) {
    jdbc.sql(
            """
            insert into disbursement (id, organisation_id, request_id, line_id, recipient,
              amount_paise, mode, reference, paid_on, expense_id, journal_entry_id, recorded_by,
              recorded_at)
            values (:id, :org, :request, :line, :recipient, :amount, :mode, :reference, :paidOn,
              :expense, :entry, :by, :now)
            """)
        .param("id", d.id().value())
        .param("org", d.organisation().value())
        .param("request", d.request().value())
        .param("line", d.line().value())
        .param("recipient", d.recipient().key())
        .param("amount", d.amountPaise())
        .param("mode", d.mode().name())
        .param("reference", d.reference(), java.sql.Types.VARCHAR)
        .param("paidOn", d.paidOn())
        .param("expense", d.expense().value())
        .param("entry", d.journalEntry().value())
        .param("by", d.recordedBy())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Disbursement> disbursement(DisbursementId id) {
    return jdbc.sql("select * from disbursement where id = :id")
        .param("id", id.value())
        .query(PaymentStore::disbursement)
        .optional();
  }

  public List<Disbursement> disbursements(SupportRequestId request) {
    return jdbc.sql("select * from disbursement where request_id = :id order by recorded_at, id")
        .param("id", request.value())
        .query(PaymentStore::disbursement)
        .list();
  }

  /** Marks a disbursement reversed; false when it was reversed already. */
  public boolean markReversed(DisbursementId id, String by, String reason) {
    return jdbc.sql(
                """
                update disbursement set reversed_at = :now, reversed_by = :by,
                  reversal_reason = :reason
                where id = :id and reversed_at is null
                """)
            .param("now", OffsetDateTime.now(clock))
            .param("by", by)
            .param("reason", reason)
            .param("id", id.value())
            .update()
        == 1;
  }

  private static Disbursement disbursement(ResultSet rs, int n) throws SQLException {
    return new Disbursement(
        new DisbursementId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new SupportRequestId(rs.getObject("request_id", UUID.class)),
        new SupportLineId(rs.getObject("line_id", UUID.class)),
        SupportStore.beneficiary(rs.getString("recipient")),
        rs.getLong("amount_paise"),
        PaymentMode.valueOf(rs.getString("mode")),
        rs.getString("reference"),
        rs.getObject("paid_on", LocalDate.class),
        new ExpenseId(rs.getObject("expense_id", UUID.class)),
        new JournalEntryId(rs.getObject("journal_entry_id", UUID.class)),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getObject("reversed_at", OffsetDateTime.class));
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  PaymentStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }
}
