package org.sahay.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk rows arrive exactly as written, whatever they hold (COPY's text format on PostgreSQL has its
 * own escapes), and only with the caller's transaction.
 */
class BulkRowsIntegrationTest extends IntegrationTest {

  private static final List<String> COLUMNS =
      List.of("id", "label", "amount", "flag", "on_day", "made_at", "content");

  @Autowired private BulkRows bulk;
  @Autowired private JdbcClient jdbc;
  @Autowired private PlatformTransactionManager transactions;

  @BeforeEach
  void table() {
    jdbc.sql(
            """
            create table bulk_rows_probe (id uuid primary key, label varchar(200), amount integer,
              flag boolean, on_day date, made_at timestamp with time zone, content bytea)
            """)
        .update();
  }

  @AfterEach
  void drop() {
    jdbc.sql("drop table bulk_rows_probe").update();
  }

  @Test
  void everyKindOfValueArrivesAsWritten() {
    UUID tricky = UUID.randomUUID();
    UUID empty = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 123456000, ZoneOffset.ofHours(5));
    byte[] data = {0, 9, 10, 13, 92, (byte) 0xff};
    String label = "tab\there, line\nbreak, back\\slash, \\N, ఇది, \r end";
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s ->
                bulk.insert(
                    "bulk_rows_probe",
                    COLUMNS,
                    List.of(
                        new Object[] {
                          tricky, label, -42, true, LocalDate.of(2026, 2, 28), at, data
                        },
                        new Object[] {empty, null, null, null, null, null, null})));

    var row =
        jdbc.sql(
                "select label, amount, flag, on_day, made_at, content from bulk_rows_probe where id = :id")
            .param("id", tricky)
            .query(
                (rs, n) ->
                    List.of(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        new String(rs.getBytes(6), StandardCharsets.ISO_8859_1)))
            .single();
    assertThat(row)
        .containsExactly(
            label,
            -42,
            true,
            LocalDate.of(2026, 2, 28),
            at.toInstant(),
            new String(data, StandardCharsets.ISO_8859_1));
    assertThat(
            jdbc.sql(
                    "select count(*) from bulk_rows_probe where id = :id and label is null"
                        + " and amount is null and content is null and made_at is null")
                .param("id", empty)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void rowsGoWithTheCallersTransactionAndManyArriveInOneWrite() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(new Object[] {UUID.randomUUID(), "row " + i, i, false, null, null, null});
    }
    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        s -> {
                          bulk.insert("bulk_rows_probe", COLUMNS, rows);
                          throw new IllegalStateException("the caller fails after the write");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(count()).isZero();

    new TransactionTemplate(transactions)
        .executeWithoutResult(s -> bulk.insert("bulk_rows_probe", COLUMNS, rows));
    assertThat(count()).isEqualTo(5000);
  }

  @Test
  void aNameThatIsNotAPlainIdentifierIsRefused() {
    assertThatThrownBy(
            () ->
                bulk.insert(
                    "member; drop table member", List.of("id"), List.<Object[]>of(new Object[1])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private int count() {
    return jdbc.sql("select count(*) from bulk_rows_probe").query(Integer.class).single();
  }
}
