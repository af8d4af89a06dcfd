package org.sahay.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.AccountId;
import org.sahay.funds.FundBalance;
import org.sahay.funds.FundId;
import org.sahay.funds.FundKind;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Funds and their balances. Every posting to a fund first locks the fund's row ({@link #lock}), so
 * that concurrent expenses are decided one after the other against the true balance.
 */
@Repository
public class FundStore {

  /** A fund's row. */
  public record Row(
      FundId id,
      OrganisationId organisation,
      AccountId account,
      FundKind kind,
      String name,
      boolean restricted,
      boolean foreignContribution,
      long raised,
      long spent) {

    public long remaining() {
      return raised - spent;
    }

    public FundBalance balance() {
      return new FundBalance(id, kind, name, restricted, foreignContribution, raised, spent);
    }
  }

  private static final String COLUMNS =
      "id, organisation_id, account_id, kind, name, restricted, foreign_contribution, raised,"
          + " spent";

  private final JdbcClient jdbc;

  FundStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Row insert(
      OrganisationId organisation,
      AccountId account,
      FundKind kind,
      String name,
      boolean restricted,
      boolean foreignContribution) {
    FundId id = new FundId(Ids.newId());
    jdbc.sql(
            """
            insert into fund (id, organisation_id, account_id, kind, name, restricted,
              foreign_contribution, raised, spent)
            values (:id, :o, :account, :kind, :name, :restricted, :foreign, 0, 0)
            """)
        .param("id", id.value())
        .param("o", organisation.value())
        .param("account", account.value())
        .param("kind", kind.name())
        .param("name", name)
        .param("restricted", restricted)
        .param("foreign", foreignContribution)
        .update();
    return new Row(id, organisation, account, kind, name, restricted, foreignContribution, 0, 0);
  }

  public Optional<Row> find(FundId id) {
    return jdbc.sql("select " + COLUMNS + " from fund where id = :id")
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** The fund's row, locked until the caller's transaction ends. */
  public Optional<Row> lock(FundId id) {
    return jdbc.sql("select " + COLUMNS + " from fund where id = :id for update")
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  public Optional<Row> byAccount(AccountId account) {
    return jdbc.sql("select " + COLUMNS + " from fund where account_id = :a")
        .param("a", account.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  public Row unrestricted(OrganisationId organisation) {
    return jdbc.sql(
            "select " + COLUMNS + " from fund where organisation_id = :o and kind = 'UNRESTRICTED'")
        .param("o", organisation.value())
        .query((rs, n) -> row(rs))
        .single();
  }

  public List<Row> all(OrganisationId organisation) {
    return jdbc.sql("select " + COLUMNS + " from fund where organisation_id = :o order by id")
        .param("o", organisation.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Adds to (or, for a reversal, takes from) what was raised; the fund must be locked. */
  public void addRaised(FundId id, long paise) {
    jdbc.sql("update fund set raised = raised + :p where id = :id")
        .param("p", paise)
        .param("id", id.value())
        .update();
  }

  /** Adds to (or, for a reversal, takes from) what was spent; the fund must be locked. */
  public void addSpent(FundId id, long paise) {
    jdbc.sql("update fund set spent = spent + :p where id = :id")
        .param("p", paise)
        .param("id", id.value())
        .update();
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        new FundId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new AccountId(rs.getObject("account_id", UUID.class)),
        FundKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getBoolean("restricted"),
        rs.getBoolean("foreign_contribution"),
        rs.getLong("raised"),
        rs.getLong("spent"));
  }
}
