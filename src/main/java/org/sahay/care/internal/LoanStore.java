package org.sahay.care.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loans and repayments as stored: sealed, with only the member, status and version in the clear.
 */
@Repository
public class LoanStore {

  /** A loan as stored. */
  public record Row(UUID id, MemberId member, byte[] sealed, boolean open, int version) {}

  /** A repayment as stored. */
  public record RepaymentRow(UUID id, byte[] sealed) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getObject(1, UUID.class),
              new MemberId(rs.getObject(2, UUID.class)),
              rs.getBytes(3),
              "OPEN".equals(rs.getString(4)),
              rs.getInt(5));

  private static final String COLUMNS = "id, member_id, sealed, status, version";

  private final JdbcClient jdbc;
  private final Clock clock;

  LoanStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(
      OrganisationId organisation, UUID id, MemberId member, byte[] sealed, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into loan (id, organisation_id, member_id, sealed, status, version, recorded_by,
              recorded_at, updated_at)
            values (:id, :org, :member, :sealed, 'OPEN', 0, :by, :now, :now)
            """)
        .param("id", id)
        .param("org", organisation.value())
        .param("member", member.value())
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .param("by", by)
        .param("now", now)
        .update();
  }

  /** Replaces what a loan says and whether it is open; false when the version moved on. */
  public boolean update(
      OrganisationId organisation, UUID id, int version, byte[] sealed, boolean open) {
    return jdbc.sql(
                """
                update loan set sealed = :sealed, status = :status, version = version + 1,
                  updated_at = :now
                where id = :id and organisation_id = :org and version = :version
                """)
            .param("sealed", sealed, java.sql.Types.VARBINARY)
            .param("status", open ? "OPEN" : "CLOSED")
            .param("now", OffsetDateTime.now(clock))
            .param("id", id)
            .param("org", organisation.value())
            .param("version", version)
            .update()
        == 1;
  }

  public Optional<Row> find(OrganisationId organisation, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from loan where id = :id and organisation_id = :org")
        .param("id", id)
        .param("org", organisation.value())
        .query(ROW)
        .optional();
  }

  public List<Row> ofMember(OrganisationId organisation, MemberId member) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from loan where organisation_id = :org and member_id = :member"
                + " order by recorded_at, id")
        .param("org", organisation.value())
        .param("member", member.value())
        .query(ROW)
        .list();
  }

  /** The collective's open loans, the oldest first. */
  public List<Row> open(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from loan where organisation_id = :org and status = 'OPEN'"
                + " order by recorded_at, id")
        .param("org", organisation.value())
        .query(ROW)
        .list();
  }

  public void repay(OrganisationId organisation, UUID loan, UUID id, byte[] sealed, String by) {
    jdbc.sql(
            """
            insert into loan_repayment (id, loan_id, organisation_id, sealed, recorded_by,
              recorded_at)
            values (:id, :loan, :org, :sealed, :by, :now)
            """)
        .param("id", id)
        .param("loan", loan)
        .param("org", organisation.value())
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<RepaymentRow> repayments(OrganisationId organisation, UUID loan) {
    return jdbc.sql(
            "select id, sealed from loan_repayment where loan_id = :loan"
                + " and organisation_id = :org order by recorded_at, id")
        .param("loan", loan)
        .param("org", organisation.value())
        .query((rs, n) -> new RepaymentRow(rs.getObject(1, UUID.class), rs.getBytes(2)))
        .list();
  }

  /** An erased member's loans and repayments go. */
  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql(
            """
            delete from loan_repayment where organisation_id = :org and loan_id in
              (select id from loan where organisation_id = :org and member_id = :member)
            """)
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
    jdbc.sql("delete from loan where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
  }
}
