package org.sahay.relief.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.sahay.relief.BatchId;
import org.sahay.relief.Distribution;
import org.sahay.relief.DistributionId;
import org.sahay.relief.EarlierDistribution;
import org.sahay.relief.ItemId;
import org.sahay.relief.RecipientId;
import org.sahay.relief.ReversalReason;
import org.sahay.relief.RoundId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Distributions, their claims and what each took from which batch. A claim row (round, claim key)
 * is what makes the round's rule hold under concurrency: its primary key lets only one of two
 * simultaneous hand-overs to the same household in; a reversal deletes it.
 */
@Repository
public class DistributionStore {

  /** Counts of a round's hand-overs that were not reversed. */
  public record Totals(long distributions, long households, long people, long reversed) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  DistributionStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Inserts the hand-over; answers the moment it was recorded. */
  public Instant insert(
      OrganisationId organisation, Distribution d, Beneficiary householdKey, String district) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            """
            insert into distribution (id, organisation_id, round_id, member_id, household_id,
              recipient_id, household_key, people, recorded_by, recorded_at, district)
            values (:id, :org, :round, :member, :household, :recipient, :key, :people, :by, :now,
              :district)
            """)
        .param("id", d.id().value())
        .param("org", organisation.value())
        .param("round", d.round().value())
        .param("member", d.member() == null ? null : d.member().value())
        .param("household", d.household() == null ? null : d.household().value())
        .param("recipient", d.recipient() == null ? null : d.recipient().value())
        .param("key", householdKey.key())
        .param("people", d.people())
        .param("district", district, java.sql.Types.VARCHAR)
        .param("by", d.recordedBy())
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
    return now;
  }

  /**
   * Claims the key in the round for the distribution; throws {@link
   * org.springframework.dao.DuplicateKeyException} when it is claimed already (or being claimed by
   * a transaction not yet ended).
   */
  public void claim(
      OrganisationId organisation,
      RoundId round,
      Beneficiary claimKey,
      DistributionId distribution) {
    jdbc.sql(
            """
            insert into distribution_claim (round_id, claim_key, organisation_id, distribution_id)
            values (:round, :key, :org, :distribution)
            """)
        .param("round", round.value())
        .param("key", claimKey.key())
        .param("org", organisation.value())
        .param("distribution", distribution.value())
        .update();
  }

  /** The hand-over that holds the claim, if any. */
  public Optional<EarlierDistribution> claimedBy(
      OrganisationId organisation, RoundId round, Beneficiary claimKey) {
    return jdbc.sql(
            """
            select d.id, d.recorded_at, d.recorded_by from distribution_claim c
              join distribution d on d.id = c.distribution_id
            where c.round_id = :round and c.claim_key = :key and c.organisation_id = :org
            """)
        .param("round", round.value())
        .param("key", claimKey.key())
        .param("org", organisation.value())
        .query(
            (rs, n) ->
                new EarlierDistribution(
                    new DistributionId(rs.getObject(1, UUID.class)),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3)))
        .optional();
  }

  public void line(
      OrganisationId organisation, DistributionId distribution, StockLedger.Taken taken) {
    jdbc.sql(
            """
            insert into distribution_line (distribution_id, batch_id, item_id, organisation_id,
              quantity)
            values (:d, :batch, :item, :org, :q)
            """)
        .param("d", distribution.value())
        .param("batch", taken.batch().value())
        .param("item", taken.item().value())
        .param("org", organisation.value())
        .param("q", taken.quantity())
        .update();
  }

  public List<StockLedger.Taken> lines(OrganisationId organisation, DistributionId distribution) {
    return jdbc.sql(
            """
            select batch_id, item_id, quantity from distribution_line
            where distribution_id = :d and organisation_id = :org order by item_id, batch_id
            """)
        .param("d", distribution.value())
        .param("org", organisation.value())
        .query(
            (rs, n) ->
                new StockLedger.Taken(
                    new BatchId(rs.getObject(1, UUID.class)),
                    new ItemId(rs.getObject(2, UUID.class)),
                    Quantities.read(rs, 3),
                    null))
        .list();
  }

  /** A distribution of any organisation, with its organisation, for the caller to check. */
  public Optional<Map.Entry<OrganisationId, Distribution>> find(DistributionId id) {
    return jdbc.sql("select * from distribution where id = :id")
        .param("id", id.value())
        .query(
            (rs, n) ->
                Map.entry(
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    distribution(rs, n)))
        .optional();
  }

  /**
   * Marks the distribution reversed and frees its claim; false when it was reversed already (by
   * another phone, a moment ago).
   */
  public boolean reverse(
      OrganisationId organisation, DistributionId id, ReversalReason reason, String by) {
    int changed =
        jdbc.sql(
                """
                update distribution set reversed_by = :by, reversed_at = :now,
                  reversal_reason = :reason
                where id = :id and organisation_id = :org and reversed_at is null
                """)
            .param("by", by)
            .param("now", OffsetDateTime.now(clock))
            .param("reason", reason.name())
            .param("id", id.value())
            .param("org", organisation.value())
            .update();
    if (changed != 1) {
      return false;
    }
    jdbc.sql(
            "delete from distribution_claim where distribution_id = :id and organisation_id = :org")
        .param("id", id.value())
        .param("org", organisation.value())
        .update();
    return true;
  }

  public Totals totals(OrganisationId organisation, RoundId round) {
    return jdbc.sql(
            """
            select
              count(case when reversed_at is null then 1 end),
              count(distinct case when reversed_at is null then household_key end),
              coalesce(sum(case when reversed_at is null then people else 0 end), 0),
              count(case when reversed_at is not null then 1 end)
            from distribution where round_id = :round and organisation_id = :org
            """)
        .param("round", round.value())
        .param("org", organisation.value())
        .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .single();
  }

  /**
   * How much of the item hand-overs not reversed, recorded since {@code since}, gave to each of
   * these members and households, in any round: keyed by the member's or the household's id.
   */
  public Map<UUID, BigDecimal> receivedSince(
      OrganisationId organisation,
      ItemId item,
      java.util.Collection<UUID> members,
      java.util.Collection<UUID> households,
      java.time.OffsetDateTime since) {
    Map<UUID, BigDecimal> received = new java.util.HashMap<>();
    if (members.isEmpty() && households.isEmpty()) {
      return received;
    }
    List<UUID> none = List.of(new UUID(0, 0));
    java.util.Set<UUID> asked = new java.util.HashSet<>(members);
    asked.addAll(households);
    jdbc.sql(
            """
            select d.member_id, d.household_id, sum(l.quantity)
            from distribution d join distribution_line l on l.distribution_id = d.id
            where d.organisation_id = :org and l.item_id = :item and d.reversed_at is null
              and d.recorded_at >= :since
              and (d.member_id in (:members) or d.household_id in (:households))
            group by d.member_id, d.household_id
            """)
        .param("org", organisation.value())
        .param("item", item.value())
        .param("since", since)
        .param("members", members.isEmpty() ? none : List.copyOf(members))
        .param("households", households.isEmpty() ? none : List.copyOf(households))
        .query(
            (java.sql.ResultSet rs) -> {
              BigDecimal quantity = rs.getBigDecimal(3);
              for (UUID id :
                  new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}) {
                if (id != null && asked.contains(id)) {
                  received.merge(id, quantity, BigDecimal::add);
                }
              }
            });
    return received;
  }

  /** Per item, what the round's hand-overs that were not reversed took. */
  public Map<ItemId, BigDecimal> used(OrganisationId organisation, RoundId round) {
    Map<ItemId, BigDecimal> used = new LinkedHashMap<>();
    jdbc.sql(
            """
            select l.item_id, sum(l.quantity) from distribution_line l
              join distribution d on d.id = l.distribution_id
            where d.round_id = :round and d.organisation_id = :org and d.reversed_at is null
            group by l.item_id
            """)
        .param("round", round.value())
        .param("org", organisation.value())
        .query(
            (ResultSet rs) -> {
              used.put(new ItemId(rs.getObject(1, UUID.class)), Quantities.read(rs, 2));
            });
    return used;
  }

  /** The round's hand-overs in the order they were recorded, reversed ones included. */
  public List<Distribution> of(OrganisationId organisation, RoundId round, int limit, int offset) {
    return jdbc.sql(
            """
            select * from distribution where round_id = :round and organisation_id = :org
            order by recorded_at, id limit :limit offset :offset
            """)
        .param("round", round.value())
        .param("org", organisation.value())
        .param("limit", limit)
        .param("offset", offset)
        .query(DistributionStore::distribution)
        .list();
  }

  private static Distribution distribution(ResultSet rs, int n) throws SQLException {
    UUID member = rs.getObject("member_id", UUID.class);
    UUID household = rs.getObject("household_id", UUID.class);
    UUID recipient = rs.getObject("recipient_id", UUID.class);
    OffsetDateTime reversedAt = rs.getObject("reversed_at", OffsetDateTime.class);
    String reason = rs.getString("reversal_reason");
    return new Distribution(
        new DistributionId(rs.getObject("id", UUID.class)),
        new RoundId(rs.getObject("round_id", UUID.class)),
        member == null ? null : new MemberId(member),
        household == null ? null : new HouseholdId(household),
        recipient == null ? null : new RecipientId(recipient),
        rs.getInt("people"),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        reversedAt == null ? null : reversedAt.toInstant(),
        reason == null ? null : ReversalReason.valueOf(reason));
  }
}
