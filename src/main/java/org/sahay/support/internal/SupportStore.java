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
import org.sahay.needs.NeedStatus;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.support.PaymentMode;
import org.sahay.support.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Support requests, their lines, comments and disbursements; every query names the collective. */
@Repository
public class SupportStore {

  /** A request's own columns. */
  public record Request(
      UUID id,
      OrganisationId organisation,
      OrganisationId addressedTo,
      String title,
      String justification,
      RequestStatus status,
      UUID grantId,
      UUID fundId,
      int version,
      String createdBy,
      OffsetDateTime createdAt) {}

  /** A line's own columns with its recipients (m:member-id or h:household-id). */
  public record Line(
      UUID id,
      UUID request,
      int number,
      String category,
      String description,
      long amountPaise,
      Integer quantity,
      boolean instalmentsAllowed,
      Long approvedPaise,
      String decisionComment,
      long disbursedPaise,
      List<String> recipients,
      UUID item,
      Integer approvedQuantity,
      int deliveredQuantity) {

    /** A line that asks for goods from the relief catalogue rather than money. */
    public boolean goods() {
      return item != null;
    }
  }

  /** A disbursement as stored. */
  public record Disbursement(
      UUID id,
      OrganisationId organisation,
      UUID request,
      UUID line,
      String recipient,
      long amountPaise,
      PaymentMode mode,
      String reference,
      LocalDate paidOn,
      UUID expense,
      UUID journalEntry,
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
        .param("id", r.id())
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
        .param("item", l.item(), java.sql.Types.OTHER)
        .param("id", l.id())
        .param("request", l.request())
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
    for (String recipient : l.recipients()) {
      jdbc.sql(
              "insert into support_line_recipient (line_id, organisation_id, recipient)"
                  + " values (:line, :org, :recipient)")
          .param("line", l.id())
          .param("org", organisation.value())
          .param("recipient", recipient)
          .update();
    }
  }

  public Optional<Request> request(UUID id) {
    return jdbc.sql("select * from support_request where id = :id")
        .param("id", id)
        .query(SupportStore::request)
        .optional();
  }

  /** The request row, locked until the caller's transaction ends. */
  public Optional<Request> lockRequest(UUID id) {
    return jdbc.sql("select * from support_request where id = :id for update")
        .param("id", id)
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

  public boolean setStatus(UUID id, int version, RequestStatus status, String by) {
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
            .param("id", id)
            .param("version", version)
            .update()
        == 1;
  }

  public void setGrant(UUID id, UUID grant, UUID fund) {
    jdbc.sql("update support_request set grant_id = :grant, fund_id = :fund where id = :id")
        .param("grant", grant)
        .param("fund", fund)
        .param("id", id)
        .update();
  }

  public List<Line> lines(UUID request) {
    return jdbc
        .sql("select * from support_line where request_id = :id order by line_no")
        .param("id", request)
        .query((rs, n) -> line(rs, List.of()))
        .list()
        .stream()
        .map(this::withRecipients)
        .toList();
  }

  /** The line, locked until the caller's transaction ends: payments against it queue here. */
  public Optional<Line> lockLine(UUID line) {
    return jdbc.sql("select * from support_line where id = :id for update")
        .param("id", line)
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
        .param("item", l.item(), java.sql.Types.OTHER)
        .param("category", l.category())
        .param("description", l.description())
        .param("amount", l.amountPaise())
        .param("quantity", l.quantity(), java.sql.Types.INTEGER)
        .param("instalments", l.instalmentsAllowed())
        .param("id", l.id())
        .update();
    jdbc.sql("delete from support_line_recipient where line_id = :id").param("id", l.id()).update();
    insertRecipients(organisation, l);
  }

  /** Removes a draft's line; the lines after it move up one number. */
  public void removeLine(Line l) {
    jdbc.sql("delete from support_line_recipient where line_id = :id").param("id", l.id()).update();
    jdbc.sql("delete from support_line where id = :id").param("id", l.id()).update();
    jdbc.sql(
            "update support_line set line_no = line_no - 1 where request_id = :request"
                + " and line_no > :no")
        .param("request", l.request())
        .param("no", l.number())
        .update();
  }

  /** Marks a draft changed, so that a second editor working from the old version is told. */
  public boolean touch(UUID id, int version) {
    return jdbc.sql(
                "update support_request set version = version + 1 where id = :id"
                    + " and version = :version and status = 'DRAFT'")
            .param("id", id)
            .param("version", version)
            .update()
        == 1;
  }

  public void decide(UUID line, long approvedPaise, Integer approvedQuantity, String comment) {
    jdbc.sql(
            "update support_line set approved_paise = :approved, approved_quantity = :quantity,"
                + " decision_comment = :comment where id = :id")
        .param("approved", approvedPaise)
        .param("quantity", approvedQuantity, java.sql.Types.INTEGER)
        .param("comment", comment, java.sql.Types.VARCHAR)
        .param("id", line)
        .update();
  }

  /** A delivery of goods against a line: the stock receipt relief recorded for it. */
  public record Delivery(
      UUID id,
      UUID request,
      UUID line,
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
        .param("request", d.request())
        .param("line", d.line())
        .param("receipt", d.receipt())
        .param("quantity", d.quantity())
        .param("on", d.receivedOn())
        .param("by", d.recordedBy())
        .param("at", d.recordedAt())
        .update();
    jdbc.sql("update support_line set delivered_quantity = delivered_quantity + :q where id = :id")
        .param("q", d.quantity())
        .param("id", d.line())
        .update();
  }

  public List<Delivery> deliveries(UUID request) {
    return jdbc.sql("select * from support_delivery where request_id = :r order by recorded_at, id")
        .param("r", request)
        .query(
            (rs, n) ->
                new Delivery(
                    rs.getObject("id", UUID.class),
                    rs.getObject("request_id", UUID.class),
                    rs.getObject("line_id", UUID.class),
                    rs.getObject("receipt_id", UUID.class),
                    rs.getInt("quantity"),
                    rs.getObject("received_on", LocalDate.class),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class)))
        .list();
  }

  public void addDisbursed(UUID line, long paise) {
    jdbc.sql("update support_line set disbursed_paise = disbursed_paise + :p where id = :id")
        .param("p", paise)
        .param("id", line)
        .update();
  }

  public void comment(UUID request, OrganisationId authorOrg, String author, String body) {
    jdbc.sql(
            """
            insert into support_comment (id, request_id, author_org, author, body, created_at)
            values (:id, :request, :org, :author, :body, :now)
            """)
        .param("id", Ids.newId())
        .param("request", request)
        .param("org", authorOrg.value())
        .param("author", author)
        .param("body", body)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<Map<String, Object>> comments(UUID request) {
    return jdbc.sql(
            "select author, body, created_at from support_comment where request_id = :id"
                + " order by created_at, id")
        .param("id", request)
        .query()
        .listOfRows();
  }

  /**
   * Claims the one payment of a line to a recipient. The primary key refuses a second claim; the
   * caller looks first, under the line's lock, so that PostgreSQL never sees a failed insert in the
   * middle of the transaction.
   */
  public void claim(UUID line, String recipient, UUID disbursement) {
    jdbc.sql(
            "insert into disbursement_claim (line_id, recipient, disbursement_id)"
                + " values (:line, :recipient, :d)")
        .param("line", line)
        .param("recipient", recipient)
        .param("d", disbursement)
        .update();
  }

  public Optional<UUID> claimOf(UUID line, String recipient) {
    return jdbc.sql(
            "select disbursement_id from disbursement_claim where line_id = :line"
                + " and recipient = :recipient")
        .param("line", line)
        .param("recipient", recipient)
        .query(UUID.class)
        .optional();
  }

  /** Keeps the needs a payment marked met, each with the status it had before. */
  public void insertNeedsMet(
      UUID disbursement, OrganisationId organisation, Map<UUID, NeedStatus> met) {
    met.forEach(
        (need, was) ->
            jdbc.sql(
                    "insert into disbursement_need (disbursement_id, need_id, organisation_id,"
                        + " was_status) values (:d, :need, :org, :was)")
                .param("d", disbursement)
                .param("need", need)
                .param("org", organisation.value())
                .param("was", was.name())
                .update());
  }

  /** The needs a payment marked met, each with the status it had before. */
  public Map<UUID, NeedStatus> needsMet(OrganisationId organisation, UUID disbursement) {
    Map<UUID, NeedStatus> met = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "select need_id, was_status from disbursement_need"
                + " where disbursement_id = :d and organisation_id = :org order by need_id")
        .param("d", disbursement)
        .param("org", organisation.value())
        .query(
            (rs, n) -> Map.entry(rs.getObject(1, UUID.class), NeedStatus.valueOf(rs.getString(2))))
        .list()
        .forEach(e -> met.put(e.getKey(), e.getValue()));
    return met;
  }

  public void releaseClaim(UUID disbursement) {
    jdbc.sql("delete from disbursement_claim where disbursement_id = :d")
        .param("d", disbursement)
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
        .param("id", d.id())
        .param("org", d.organisation().value())
        .param("request", d.request())
        .param("line", d.line())
        .param("recipient", d.recipient())
        .param("amount", d.amountPaise())
        .param("mode", d.mode().name())
        .param("reference", d.reference(), java.sql.Types.VARCHAR)
        .param("paidOn", d.paidOn())
        .param("expense", d.expense())
        .param("entry", d.journalEntry())
        .param("by", d.recordedBy())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Disbursement> disbursement(UUID id) {
    return jdbc.sql("select * from disbursement where id = :id")
        .param("id", id)
        .query(SupportStore::disbursement)
        .optional();
  }

  public List<Disbursement> disbursements(UUID request) {
    return jdbc.sql("select * from disbursement where request_id = :id order by recorded_at, id")
        .param("id", request)
        .query(SupportStore::disbursement)
        .list();
  }

  /** Marks a disbursement reversed; false when it was reversed already. */
  public boolean markReversed(UUID id, String by, String reason) {
    return jdbc.sql(
                """
                update disbursement set reversed_at = :now, reversed_by = :by,
                  reversal_reason = :reason
                where id = :id and reversed_at is null
                """)
            .param("now", OffsetDateTime.now(clock))
            .param("by", by)
            .param("reason", reason)
            .param("id", id)
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

  private List<String> recipients(UUID line) {
    return jdbc.sql(
            "select recipient from support_line_recipient where line_id = :id order by recipient")
        .param("id", line)
        .query(String.class)
        .list();
  }

  private static Line line(ResultSet rs, List<String> recipients) throws SQLException {
    return new Line(
        rs.getObject("id", UUID.class),
        rs.getObject("request_id", UUID.class),
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
        rs.getObject("item_id", UUID.class),
        (Integer) rs.getObject("approved_quantity", Integer.class),
        rs.getInt("delivered_quantity"));
  }

  private static Request request(ResultSet rs, int n) throws SQLException {
    return new Request(
        rs.getObject("id", UUID.class),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new OrganisationId(rs.getObject("addressed_to", UUID.class)),
        rs.getString("title"),
        rs.getString("justification"),
        RequestStatus.valueOf(rs.getString("status")),
        rs.getObject("grant_id", UUID.class),
        rs.getObject("fund_id", UUID.class),
        rs.getInt("version"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  private static Disbursement disbursement(ResultSet rs, int n) throws SQLException {
    return new Disbursement(
        rs.getObject("id", UUID.class),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        rs.getObject("request_id", UUID.class),
        rs.getObject("line_id", UUID.class),
        rs.getString("recipient"),
        rs.getLong("amount_paise"),
        PaymentMode.valueOf(rs.getString("mode")),
        rs.getString("reference"),
        rs.getObject("paid_on", LocalDate.class),
        rs.getObject("expense_id", UUID.class),
        rs.getObject("journal_entry_id", UUID.class),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class),
        rs.getObject("reversed_at", OffsetDateTime.class));
  }
}
