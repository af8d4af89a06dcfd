package org.sahay.support.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.FundId;
import org.sahay.funds.GrantId;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.relief.ItemId;
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

  static Beneficiary beneficiary(String key) {
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
}
