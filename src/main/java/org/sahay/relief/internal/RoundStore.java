package org.sahay.relief.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.relief.Eligibility;
import org.sahay.relief.EntitlementRule;
import org.sahay.relief.ItemId;
import org.sahay.relief.ItemLine;
import org.sahay.relief.KitId;
import org.sahay.relief.LocationId;
import org.sahay.relief.Round;
import org.sahay.relief.RoundId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Distribution rounds, what they give and, for rounds with a list, who is on it. */
@Repository
public class RoundStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  RoundStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insert(Round round, Collection<Beneficiary> list, String by) {
    jdbc.sql(
            """
            insert into distribution_round (id, organisation_id, name, starts_on, ends_on,
              location_id, kit_id, eligibility, rule, meets_food_needs, created_by, created_at)
            values (:id, :org, :name, :starts, :ends, :location, :kit, :eligibility, :rule,
              :meetsFoodNeeds, :by, :now)
            """)
        .param("id", round.id().value())
        .param("org", round.organisation().value())
        .param("name", round.name())
        .param("starts", round.startsOn())
        .param("ends", round.endsOn())
        .param("location", round.location().value())
        .param("kit", round.kit() == null ? null : round.kit().value())
        .param("eligibility", round.eligibility().name())
        .param("rule", round.rule().name())
        .param("meetsFoodNeeds", round.meetsFoodNeeds())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .update();
    for (ItemLine line : round.lines()) {
      jdbc.sql(
              """
              insert into distribution_round_line (round_id, item_id, organisation_id, quantity)
              values (:round, :item, :org, :q)
              """)
          .param("round", round.id().value())
          .param("item", line.item().value())
          .param("org", round.organisation().value())
          .param("q", line.quantity())
          .update();
    }
    for (Beneficiary key : list) {
      jdbc.sql(
              """
              insert into distribution_round_entry (round_id, organisation_id, subject_key)
              values (:round, :org, :key)
              """)
          .param("round", round.id().value())
          .param("org", round.organisation().value())
          .param("key", key.key())
          .update();
    }
  }

  /** A round of any organisation: callers check the actor against its organisation. */
  public Optional<Round> find(RoundId id) {
    return jdbc.sql("select * from distribution_round where id = :id")
        .param("id", id.value())
        .query(this::round)
        .optional()
        .map(this::withLines);
  }

  public List<Round> of(OrganisationId organisation) {
    return jdbc
        .sql(
            "select * from distribution_round where organisation_id = :org"
                + " order by starts_on desc, created_at desc")
        .param("org", organisation.value())
        .query(this::round)
        .list()
        .stream()
        .map(this::withLines)
        .toList();
  }

  /** True when any of {@code keys} is on the round's list. */
  public boolean onList(Round round, Collection<Beneficiary> keys) {
    if (keys.isEmpty()) {
      return false;
    }
    return jdbc.sql(
                """
            select count(*) from distribution_round_entry
            where round_id = :round and organisation_id = :org and subject_key in (:keys)
            """)
            .param("round", round.id().value())
            .param("org", round.organisation().value())
            .param("keys", keys.stream().map(Beneficiary::key).toList())
            .query(Long.class)
            .single()
        > 0;
  }

  private Round round(ResultSet rs, int n) throws SQLException {
    RoundId id = new RoundId(rs.getObject("id", UUID.class));
    OrganisationId organisation = new OrganisationId(rs.getObject("organisation_id", UUID.class));
    UUID kit = rs.getObject("kit_id", UUID.class);
    return new Round(
        id,
        organisation,
        rs.getString("name"),
        rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class),
        new LocationId(rs.getObject("location_id", UUID.class)),
        kit == null ? null : new KitId(kit),
        List.of(),
        Eligibility.valueOf(rs.getString("eligibility")),
        EntitlementRule.valueOf(rs.getString("rule")),
        rs.getBoolean("meets_food_needs"));
  }

  /**
   * The round with what it gives, read after the round's row: a query inside a row mapper would
   * take a second connection outside a transaction, and enough requests at once would then wait for
   * each other's connections.
   */
  private Round withLines(Round r) {
    return new Round(
        r.id(),
        r.organisation(),
        r.name(),
        r.startsOn(),
        r.endsOn(),
        r.location(),
        r.kit(),
        lines(r.organisation(), r.id()),
        r.eligibility(),
        r.rule(),
        r.meetsFoodNeeds());
  }

  private List<ItemLine> lines(OrganisationId organisation, RoundId round) {
    return jdbc.sql(
            "select item_id, quantity from distribution_round_line"
                + " where round_id = :round and organisation_id = :org order by item_id")
        .param("round", round.value())
        .param("org", organisation.value())
        .query(
            (rs, n) ->
                new ItemLine(new ItemId(rs.getObject(1, UUID.class)), Quantities.read(rs, 2)))
        .list();
  }
}
