package org.sahay.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.platform.Database;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A name search reads the search tokens' index in member-code order: a page of results costs a page
 * of index entries, not every match sorted (measured over a million members in docs/benchmarks.md).
 * The plan is checked on the database the suite runs on.
 */
class MemberSearchPlanIntegrationTest extends IntegrationTest {

  @Autowired private MemberSearchStore search;
  @Autowired private JdbcClient jdbc;
  @Autowired private Database database;
  @Autowired private PlatformTransactionManager transactions;

  @Test
  void aNameSearchReadsTheOrderedTokenIndexAndSortsNothing() {
    OrganisationId collective = new OrganisationId(Ids.newId());
    for (String name : List.of("Lakshmi", "Lakshmi Devi")) {
      var sql =
          search.searchSql(
              collective, new MemberSearchStore.Query(null, null, name, null, null), 25, 0);
      String plan = plan(sql);
      // The first word's entries are read in order; any further word is probed by its key, not
      // by reading every member with that word again.
      assertThat(plan.toLowerCase(java.util.Locale.ROOT).split("member_token_ordered", -1))
          .as(plan)
          .hasSize(2);
      if (database.postgres()) {
        assertThat(plan).as(plan).doesNotContain("Sort");
      } else {
        assertThat(plan).as(plan).containsIgnoringCase("index sorted");
      }
    }
  }

  @Test
  void theTokensNameNoMemberByKeyAndCompareBytewiseOnPostgresql() {
    // Erasure and leaving delete a member's tokens themselves (MemberApiIntegrationTest,
    // LeavingIntegrationTest); the key cost an import 40% of its token writes (V79).
    List<String> keys =
        jdbc.sql(
                """
                select constraint_name from information_schema.table_constraints
                where lower(table_name) = 'member_token' and constraint_type = 'FOREIGN KEY'
                """)
            .query(String.class)
            .list();
    assertThat(keys).isEmpty();
    if (database.postgres()) {
      assertThat(
              jdbc.sql(
                      """
                      select column_name || ' ' || collation_name from information_schema.columns
                      where table_schema = current_schema() and table_name = 'member_token'
                        and column_name in ('token', 'code') order by column_name
                      """)
                  .query(String.class)
                  .list())
          .containsExactly("code C", "token C");
    }
  }

  private String plan(MemberSearchStore.SearchSql sql) {
    return new TransactionTemplate(transactions)
        .execute(
            s -> {
              if (database.postgres()) {
                // The test's tables are small enough to read whole; ask what the index can do.
                jdbc.sql("set local enable_seqscan = off").update();
                jdbc.sql("set local enable_bitmapscan = off").update();
              }
              return String.join(
                  "\n",
                  jdbc.sql("explain " + sql.text())
                      .params(sql.params())
                      .query(String.class)
                      .list());
            });
  }
}
