package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The search tokens lose their foreign key to {@code member}, and on PostgreSQL compare bytewise.
 *
 * <p>A member import writes about ten token rows per member, and their cost was most of an import's
 * time on PostgreSQL (docs/benchmarks.md, issue 19): inserting the same 945,611 token rows took 9.2
 * s as the table was, 5.6 s without the foreign key (each row probed {@code member}'s key) and 4.7
 * s with {@code token} and {@code code} in the {@code "C"} collation too (a database in {@code
 * C.UTF-8} or a language's collation compares text through the C library's collation).
 *
 * <p>Tokens are a derived index of the member's sealed name, phones and village. Every path that
 * ends a member's tokens deletes them by itself: a change of her fields or her erasure ({@code
 * MemberStore}), a collective leaving (by organisation). A search joins {@code member}, so a token
 * without its member would find nobody. {@code MemberApiIntegrationTest} holds that erasure leaves
 * none, {@code LeavingIntegrationTest} that leaving does, {@code MemberSearchPlanIntegrationTest}
 * that the key is gone and the collation is {@code "C"}. The codes and tokens are ASCII, so {@code
 * "C"} orders them as {@code C.UTF-8} did. The constraint's name differs between H2 and PostgreSQL,
 * hence Java.
 */
public class V79__registry_tokens_without_member_key extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    Set<String> keys = new LinkedHashSet<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select constraint_name from information_schema.table_constraints"
                    + " where lower(table_name) = 'member_token'"
                    + " and constraint_type = 'FOREIGN KEY'"
                    + " and lower(table_schema) = lower(current_schema())")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException("member_token has no foreign key to drop");
    }
    try (Statement s = connection.createStatement()) {
      for (String key : keys) {
        s.execute("alter table member_token drop constraint \"" + key + "\"");
      }
      if (postgres) {
        s.execute(
            "alter table member_token alter column token type varchar(32) collate \"C\","
                + " alter column code type varchar(16) collate \"C\"");
      }
    }
  }
}
