package org.sahay.entitlements.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Monthly coverage per collective and district, as counts: the row of a month is rewritten daily.
 */
@Repository
public class CoverageStore {

  /** One district in one month: members, and how many held each document. */
  public record Month(
      YearMonth month, String district, long members, Map<DocumentType, Long> holding) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  CoverageStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Writes the month's row of each district, in place of what was there. */
  public void write(OrganisationId organisation, List<Month> months) {
    for (Month m : months) {
      jdbc.sql(
              "delete from coverage_snapshot where organisation_id = :org and for_month = :month"
                  + " and district = :district")
          .param("org", organisation.value())
          .param("month", m.month().atDay(1))
          .param("district", m.district())
          .update();
      jdbc.sql(
              """
              insert into coverage_snapshot (organisation_id, for_month, district, members,
                ration_card, bank_account, aadhaar, voter_id, taken_at)
              values (:org, :month, :district, :members, :ration, :bank, :aadhaar, :voter, :now)
              """)
          .param("org", organisation.value())
          .param("month", m.month().atDay(1))
          .param("district", m.district())
          .param("members", m.members())
          .param("ration", held(m, DocumentType.RATION_CARD))
          .param("bank", held(m, DocumentType.BANK_ACCOUNT))
          .param("aadhaar", held(m, DocumentType.AADHAAR))
          .param("voter", held(m, DocumentType.VOTER_ID))
          .param("now", OffsetDateTime.now(clock))
          .update();
    }
  }

  /** The collective's months from {@code from} on, by district and then month. */
  public List<Month> since(OrganisationId organisation, YearMonth from) {
    return jdbc.sql(
            """
            select for_month, district, members, ration_card, bank_account, aadhaar, voter_id
            from coverage_snapshot where organisation_id = :org and for_month >= :from
            order by district, for_month
            """)
        .param("org", organisation.value())
        .param("from", from.atDay(1))
        .query(
            (rs, n) -> {
              Map<DocumentType, Long> holding = new EnumMap<>(DocumentType.class);
              holding.put(DocumentType.RATION_CARD, rs.getLong(4));
              holding.put(DocumentType.BANK_ACCOUNT, rs.getLong(5));
              holding.put(DocumentType.AADHAAR, rs.getLong(6));
              holding.put(DocumentType.VOTER_ID, rs.getLong(7));
              return new Month(
                  YearMonth.from(rs.getObject(1, LocalDate.class)),
                  rs.getString(2),
                  rs.getLong(3),
                  holding);
            })
        .list();
  }

  private static long held(Month m, DocumentType type) {
    return m.holding().getOrDefault(type, 0L);
  }
}
