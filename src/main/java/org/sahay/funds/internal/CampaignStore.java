package org.sahay.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.funds.Campaign;
import org.sahay.funds.CampaignChannel;
import org.sahay.funds.CampaignId;
import org.sahay.funds.FundId;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their partners. */
@Repository
public class CampaignStore {

  /** A campaign and the organisation that runs it. */
  public record Row(OrganisationId organisation, Campaign campaign) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  CampaignStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean slugTaken(String slug) {
    return jdbc.sql("select count(*) from campaign where slug = :s")
            .param("s", slug)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insert(OrganisationId organisation, Campaign c, String createdBy) {
    jdbc.sql(
            """
            insert into campaign (id, organisation_id, fund_id, name, goal, starts_on, ends_on,
              channel, beneficiary_group, slug, transparency, created_by, created_at)
            values (:id, :o, :fund, :name, :goal, :starts, :ends, :channel, :group, :slug,
              :transparency, :by, :now)
            """)
        .param("id", c.id().value())
        .param("o", organisation.value())
        .param("fund", c.fundId().value())
        .param("name", c.name())
        .param("goal", c.goalPaise())
        .param("starts", c.startsOn())
        .param("ends", c.endsOn(), java.sql.Types.DATE)
        .param("channel", c.channel().name())
        .param("group", c.beneficiaryGroup(), java.sql.Types.VARCHAR)
        .param("slug", c.slug())
        .param("transparency", c.transparency())
        .param("by", createdBy)
        .param("now", OffsetDateTime.now(clock))
        .update();
    int position = 0;
    for (String partner : c.partners()) {
      jdbc.sql("insert into campaign_partner (campaign_id, position, name) values (:c, :p, :n)")
          .param("c", c.id().value())
          .param("p", ++position)
          .param("n", partner)
          .update();
    }
  }

  public Optional<Row> find(CampaignId id) {
    return jdbc.sql(
            """
            select c.*, f.restricted, f.foreign_contribution from campaign c
            join fund f on f.id = c.fund_id where c.id = :id
            """)
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** A campaign by its web address, only when it opted in to a public page. */
  public Optional<Row> publicBySlug(String slug) {
    return jdbc.sql(
            """
            select c.*, f.restricted, f.foreign_contribution from campaign c
            join fund f on f.id = c.fund_id where c.slug = :s and c.transparency = true
            """)
        .param("s", slug)
        .query((rs, n) -> row(rs))
        .optional();
  }

  public List<Row> all(OrganisationId organisation) {
    return jdbc.sql(
            """
            select c.*, f.restricted, f.foreign_contribution from campaign c
            join fund f on f.id = c.fund_id where c.organisation_id = :o order by c.created_at
            """)
        .param("o", organisation.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  private Row row(ResultSet rs) throws SQLException {
    CampaignId id = new CampaignId(rs.getObject("id", UUID.class));
    return new Row(
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new Campaign(
            id,
            new FundId(rs.getObject("fund_id", UUID.class)),
            rs.getString("name"),
            rs.getLong("goal"),
            rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            partners(id),
            CampaignChannel.valueOf(rs.getString("channel")),
            rs.getString("beneficiary_group"),
            rs.getString("slug"),
            rs.getBoolean("transparency"),
            rs.getBoolean("foreign_contribution"),
            rs.getBoolean("restricted")));
  }

  private List<String> partners(CampaignId id) {
    return jdbc.sql("select name from campaign_partner where campaign_id = :c order by position")
        .param("c", id.value())
        .query(String.class)
        .list();
  }
}
