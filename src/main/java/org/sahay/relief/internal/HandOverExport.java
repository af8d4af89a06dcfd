package org.sahay.relief.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.sahay.platform.ExportSource;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.TableWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every hand-over of a collective's period as one row each, without a name, a code or an id of a
 * person: the day, the round, the district, whether it reached a member, a household or somebody
 * else, the people it fed and whether it was reversed. Read through a cursor (a fetch size inside a
 * read-only transaction, which PostgreSQL needs to stream), so a million rows take no more memory
 * than a page of them.
 */
@Component
class HandOverExport implements ExportSource {

  private static final int FETCH = 1000;
  private static final int PROGRESS_EVERY = 5000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  HandOverExport(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public String kind() {
    return "relief.handovers";
  }

  @Override
  public List<String> columns() {
    return List.of(
        "largeExport.handovers.day",
        "largeExport.handovers.round",
        "largeExport.handovers.district",
        "largeExport.handovers.to",
        "largeExport.handovers.people",
        "largeExport.handovers.reversed");
  }

  @Override
  public long count(OrganisationId collective, LocalDate from, LocalDate until) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from distribution where organisation_id = ?"
                + " and recorded_at >= ? and recorded_at < ?",
            Long.class,
            collective.value(),
            from.atStartOfDay().atOffset(ZoneOffset.UTC),
            until.atStartOfDay().atOffset(ZoneOffset.UTC));
    return n == null ? 0 : n;
  }

  @Override
  public void write(
      OrganisationId collective,
      LocalDate from,
      LocalDate until,
      TableWriter out,
      LongConsumer progress)
      throws IOException {
    long[] written = {0};
    try {
      readOnly.executeWithoutResult(
          status ->
              jdbc.query(
                  """
                  select d.recorded_at, r.name, d.district, substring(d.household_key, 1, 1),
                    d.people, d.reversed_at
                  from distribution d join distribution_round r on r.id = d.round_id
                  where d.organisation_id = ? and d.recorded_at >= ? and d.recorded_at < ?
                  order by d.recorded_at, d.id
                  """,
                  (RowCallbackHandler)
                      rs -> {
                        try {
                          out.row(
                              Arrays.asList(
                                  rs.getObject(1, java.time.OffsetDateTime.class)
                                      .toLocalDate()
                                      .toString(),
                                  rs.getString(2),
                                  rs.getString(3),
                                  recipient(rs.getString(4)),
                                  rs.getInt(5),
                                  rs.getObject(6) == null ? "" : "yes"));
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                        if (++written[0] % PROGRESS_EVERY == 0) {
                          progress.accept(written[0]);
                        }
                      },
                  collective.value(),
                  from.atStartOfDay().atOffset(ZoneOffset.UTC),
                  until.atStartOfDay().atOffset(ZoneOffset.UTC)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    progress.accept(written[0]);
  }

  private static String recipient(String key) {
    switch (key) {
      case "M":
        return "member";
      case "H":
        return "household";
      default:
        return "other";
    }
  }
}
