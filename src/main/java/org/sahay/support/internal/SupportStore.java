package org.sahay.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.ExpenseId;
import org.sahay.funds.FundId;
import org.sahay.funds.GrantId;
import org.sahay.funds.JournalEntryId;
import org.sahay.needs.NeedStatus;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.relief.ItemId;
import org.sahay.support.DisbursementId;
import org.sahay.support.PaymentMode;
import org.sahay.support.RequestStatus;
import org.sahay.support.SupportLineId;
import org.sahay.support.SupportRequestId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Support requests, their lines, comments and disbursements; every query names the collective. */
@Repository
public class SupportStore {

  /** A request's own columns. */
  public record Request(
      SupportRequestId id,
      OrganisationId organisation,
      OrganisationId addressedTo,
      String title,
      String justification,
      RequestStatus status,
      GrantId grantId,
      FundId fundId,
      int version,
      String createdBy,
      OffsetDateTime createdAt) {}

  /** A line's own columns with its recipients (members or households). */
  public record Line(
      SupportLineId id,
      SupportRequestId request,
      int number,
      String category,
      String description,
      long amountPaise,
      Integer quantity,
      boolean instalmentsAllowed,
      Long approvedPaise,
      String decisionComment,
      long disbursedPaise,
      List<Beneficiary> recipients,
      ItemId item,
      Integer approvedQuantity,
      int deliveredQuantity) {

    /** A line that asks for goods from the relief catalogue rather than money. */
    public boolean goods() {
      return item != null;
    }
  }

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

  private final JdbcClient jdbc;
  private final Clock clock;

  SupportStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insertRequest(Request r) {
    jdbc.sql(
            """
            insert into support_request (id, organisation_id, addressed_to, title, justification,
              status, version, created_by, created_at)
            values (:id, :org, :to, :title, :why, 'DRAFT', 0, :by, :now)
            """)
        .param("id", r.id().value())
        .param("org", r.organisation().value())
        .param("to", r.addressedTo().value())
        .param("title", r.title())
        .param("why", r.justification(), java.sql.Types.VARCHAR)
        .param("by", r.createdBy())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public void insertLine(OrganisationId organisation, Line l) {
    jdbc.sql(
            """
            insert into support_line (id, request_id, organisation_id, line_no, category,
              description, amount_paise, quantity, instalments_allowed, disbursed_paise, item_id)
            values (:id, :request, :org, :no, :category, :description, :amount, :quantity,
              :instalments, 0, :item)
            """)
        .param("item", l.item() == null ? null : l.item().value(), java.sql.Types.OTHER)
        .param("id", l.id().value())
        .param("request", l.request().value())
        .param("org", organisation.value())
        .param("no", l.number())
        .param("category", l.category())
        .param("description", l.description())
        .param("amount", l.amountPaise())
        .param("quantity", l.quantity(), java.sql.Types.INTEGER)
        .param("instalments", l.instalmentsAllowed())
        .update();
    insertRecipients(organisation, l);
  }

  private void insertRecipients(OrganisationId organisation, Line l) {
    for (Beneficiary recipient : l.recipients()) {
      jdbc.sql(
              "insert into support_line_recipient (line_id, organisation_id, recipient)"
                  + " values (:line, :org, :recipient)")
          .param("line", l.id().value())
          .param("org", organisation.value())
          .param("recipient", recipient.key())
          .update();
    }
  }

  public Optional<Request> request(SupportRequestId id) {
    return jdbc.sql("select * from support_request where id = :id")
        .param("id", id.value())
        .query(SupportStore::request)
        .optional();
  }

  /** The request row, locked until the caller's transaction ends. */
  public Optional<Request> lockRequest(SupportRequestId id) {
    return jdbc.sql("select * from support_request where id = :id for update")
        .param("id", id.value())
        .query(SupportStore::request)
        .optional();
  }

  /** Requests of a collective, or addressed to an organisation, newest first. */
  public List<Request> requests(OrganisationId organisation, OrganisationId addressedTo) {
    StringBuilder sql = new StringBuilder("select * from support_request where 1 = 1");
    Map<String, Object> p = new HashMap<>();
    if (organisation != null) {
      sql.append(" and organisation_id = :org");
      p.put("org", organisation.value());
    }
    if (addressedTo != null) {
      sql.append(" and addressed_to = :to and status <> 'DRAFT'");
      p.put("to", addressedTo.value());
    }
    sql.append(" order by created_at desc, id desc limit 200");
    return jdbc.sql(sql.toString()).params(p).query(SupportStore::request).list();
  }

  public boolean setStatus(SupportRequestId id, int version, RequestStatus status, String by) {
    String stamp =
        status == RequestStatus.SUBMITTED
            ? ", submitted_at = :now"
            : status == RequestStatus.APPROVED
                    || status == RequestStatus.PARTLY_APPROVED
                    || status == RequestStatus.REJECTED
                ? ", decided_at = :now, decided_by = :by"
                : "";
    return jdbc.sql(
                "update support_request set status = :status, version = version + 1"
                    + stamp
                    + " where id = :id and version = :version")
            .param("status", status.name())
            .param("now", OffsetDateTime.now(clock))
            .param("by", by)
            .param("id", id.value())
            .param("version", version)
            .update()
        == 1;
  }

  public void setGrant(SupportRequestId id, GrantId grant, FundId fund) {
    jdbc.sql("update support_request set grant_id = :grant, fund_id = :fund where id = :id")
        .param("grant", grant.value())
        .param("fund", fund.value())
        .param("id", id.value())
        .update();
  }

  public List<Line> lines(SupportRequestId request) {
    return jdbc
        .sql("select * from support_line where request_id = :id order by line_no")
        .param("id", request.value())
        .query((rs, n) -> line(rs, List.of()))
        .list()
        .stream()
        .map(this::withRecipients)
        .toList();
  }

  /** The line, locked until the caller's transaction ends: payments against it queue here. */
  public Optional<Line> lockLine(SupportLineId line) {
    return jdbc.sql("select * from support_line where id = :id for update")
        .param("id", line.value())
        .query((rs, n) -> line(rs, List.of()))
        .optional()
        .map(this::withRecipients);
  }

  /** Replaces what a draft's line asks for and whom it is for; its number stays. */
  public void replaceLine(OrganisationId organisation, Line l) {
    jdbc.sql(
            """
            update support_line set category = :category, description = :description,
              amount_paise = :amount, quantity = :quantity, instalments_allowed = :instalments,
              item_id = :item
            where id = :id
            """)
        .param("item", l.item() == null ? null : l.item().value(), java.sql.Types.OTHER)
        .param("category", l.category())
        .param("description", l.description())
        .param("amount", l.amountPaise())
        .param("quantity", l.quantity(), java.sql.Types.INTEGER)
        .param("instalments", l.instalmentsAllowed())
        .param("id", l.id().value())
        .update();
    jdbc.sql("delete from support_line_recipient where line_id = :id")
        .param("id", l.id().value())
        .update();
    insertRecipients(organisation, l);
  }

  /** Removes a draft's line; the lines after it move up one number. */
  public void removeLine(Line l) {
    jdbc.sql("delete from support_line_recipient where line_id = :id")
        .param("id", l.id().value())
        .update();
    jdbc.sql("delete from support_line where id = :id").param("id", l.id().value()).update();
    jdbc.sql(
            "update support_line set line_no = line_no - 1 where request_id = :request"
                + " and line_no > :no")
        .param("request", l.request().value())
        .param("no", l.number())
        .update();
  }

  /** Marks a draft changed, so that a second editor working from the old version is told. */
  public boolean touch(SupportRequestId id, int version) {
    return jdbc.sql(
                "update support_request set version = version + 1 where id = :id"
                    + " and version = :version and status = 'DRAFT'")
            .param("id", id.value())
            .param("version", version)
            .update()
        == 1;
  }

  public void decide(
      SupportLineId line, long approvedPaise, Integer approvedQuantity, String comment) {
    jdbc.sql(
            "update support_line set approved_paise = :approved, approved_quantity = :quantity,"
                + " decision_comment = :comment where id = :id")
        .param("approved", approvedPaise)
        .param("quantity", approvedQuantity, java.sql.Types.INTEGER)
        .param("comment", comment, java.sql.Types.VARCHAR)
        .param("id", line.value())
        .update();
  }

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

  public void addDisbursed(SupportLineId line, long paise) {
    jdbc.sql("update support_line set disbursed_paise = disbursed_paise + :p where id = :id")
        .param("p", paise)
        .param("id", line.value())
        .update();
  }

  public void comment(
      SupportRequestId request, OrganisationId authorOrg, String author, String body) {
    jdbc.sql(
            """
            insert into support_comment (id, request_id, author_org, author, body, created_at)
            values (:id, :request, :org, :author, :body, :now)
            """)
        .param("id", Ids.newId())
        .param("request", request.value())
        .param("org", authorOrg.value())
        .param("author", author)
        .param("body", body)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** A comment on a request as stored. */
  public record Comment(String author, String body, OffsetDateTime at) {}

  public List<Comment> comments(SupportRequestId request) {
    return jdbc.sql(
            "select author, body, created_at from support_comment where request_id = :id"
                + " order by created_at, id")
        .param("id", request.value())
        .query(
            (rs, n) ->
                new Comment(
                    rs.getString("author"),
                    rs.getString("body"),
                    rs.getObject("created_at", OffsetDateTime.class)))
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

  /** Keeps the needs a payment marked met, each with the status it had before. */
  public void insertNeedsMet(
      DisbursementId disbursement, OrganisationId organisation, Map<UUID, NeedStatus> met) {
    met.forEach(
        (need, was) ->
            jdbc.sql(
                    "insert into disbursement_need (disbursement_id, need_id, organisation_id,"
                        + " was_status) values (:d, :need, :org, :was)")
                .param("d", disbursement.value())
                .param("need", need)
                .param("org", organisation.value())
                .param("was", was.name())
                .update());
  }

  /** The needs a payment marked met, each with the status it had before. */
  public Map<UUID, NeedStatus> needsMet(OrganisationId organisation, DisbursementId disbursement) {
    Map<UUID, NeedStatus> met = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "select need_id, was_status from disbursement_need"
                + " where disbursement_id = :d and organisation_id = :org order by need_id")
        .param("d", disbursement.value())
        .param("org", organisation.value())
        .query(
            (rs, n) -> Map.entry(rs.getObject(1, UUID.class), NeedStatus.valueOf(rs.getString(2))))
        .list()
        .forEach(e -> met.put(e.getKey(), e.getValue()));
    return met;
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
        .query(SupportStore::disbursement)
        .optional();
  }

  public List<Disbursement> disbursements(SupportRequestId request) {
    return jdbc.sql("select * from disbursement where request_id = :id order by recorded_at, id")
        .param("id", request.value())
        .query(SupportStore::disbursement)
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

  private Line withRecipients(Line l) {
    return new Line(
        l.id(),
        l.request(),
        l.number(),
        l.category(),
        l.description(),
        l.amountPaise(),
        l.quantity(),
        l.instalmentsAllowed(),
        l.approvedPaise(),
        l.decisionComment(),
        l.disbursedPaise(),
        recipients(l.id()),
        l.item(),
        l.approvedQuantity(),
        l.deliveredQuantity());
  }

  private List<Beneficiary> recipients(SupportLineId line) {
    return jdbc
        .sql("select recipient from support_line_recipient where line_id = :id order by recipient")
        .param("id", line.value())
        .query(String.class)
        .list()
        .stream()
        .map(SupportStore::beneficiary)
        .toList();
  }

  private static Beneficiary beneficiary(String key) {
    return Beneficiary.parse(key).orElseThrow(() -> new IllegalStateException("bad recipient"));
  }

  private static Line line(ResultSet rs, List<Beneficiary> recipients) throws SQLException {
    UUID item = rs.getObject("item_id", UUID.class);
    return new Line(
        new SupportLineId(rs.getObject("id", UUID.class)),
        new SupportRequestId(rs.getObject("request_id", UUID.class)),
        rs.getInt("line_no"),
        rs.getString("category"),
        rs.getString("description"),
        rs.getLong("amount_paise"),
        (Integer) rs.getObject("quantity", Integer.class),
        rs.getBoolean("instalments_allowed"),
        (Long) rs.getObject("approved_paise"),
        rs.getString("decision_comment"),
        rs.getLong("disbursed_paise"),
        recipients,
        item == null ? null : new ItemId(item),
        (Integer) rs.getObject("approved_quantity", Integer.class),
        rs.getInt("delivered_quantity"));
  }

  private static Request request(ResultSet rs, int n) throws SQLException {
    UUID grant = rs.getObject("grant_id", UUID.class);
    UUID fund = rs.getObject("fund_id", UUID.class);
    return new Request(
        new SupportRequestId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new OrganisationId(rs.getObject("addressed_to", UUID.class)),
        rs.getString("title"),
        rs.getString("justification"),
        RequestStatus.valueOf(rs.getString("status")),
        grant == null ? null : new GrantId(grant),
        fund == null ? null : new FundId(fund),
        rs.getInt("version"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  private static Disbursement disbursement(ResultSet rs, int n) throws SQLException {
    return new Disbursement(
        new DisbursementId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new SupportRequestId(rs.getObject("request_id", UUID.class)),
        new SupportLineId(rs.getObject("line_id", UUID.class)),
        beneficiary(rs.getString("recipient")),
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
}
