package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The member rows' side of merges, and reading a whole collective for record linkage. */
@Repository
public class MergeStore {

  private static final int PAGE = 500;

  private final JdbcClient jdbc;
  private final MemberStore members;
  private final Clock clock;

  MergeStore(JdbcClient jdbc, MemberStore members, Clock clock) {
    this.jdbc = jdbc;
    this.members = members;
    this.clock = clock;
  }

  /**
   * Locks the rows of two members of the organisation until the transaction ends, in one statement
   * and in the order of their ids (so that two transactions locking a shared member never
   * deadlock), and answers their statuses as they are once locked; a member not of the organisation
   * is absent.
   */
  public Map<MemberId, MemberStatus> lock(OrganisationId organisation, MemberId a, MemberId b) {
    Map<MemberId, MemberStatus> locked = new HashMap<>();
    jdbc.sql(
            """
            select id, status from member where organisation_id = :org and id in (:a, :b)
            order by id for update
            """)
        .param("org", organisation.value())
        .param("a", a.value())
        .param("b", b.value())
        .query(
            (ResultSet rs) -> {
              locked.put(
                  new MemberId(rs.getObject("id", UUID.class)),
                  MemberStatus.valueOf(rs.getString("status")));
            });
    return locked;
  }

  public void markMerged(MemberId merged, MemberId survivor) {
    jdbc.sql(
            """
            update member set status = 'MERGED', merged_into = :survivor, version = version + 1,
              updated_at = :now where id = :id
            """)
        .param("survivor", survivor.value())
        .param("now", OffsetDateTime.now(clock))
        .param("id", merged.value())
        .update();
  }

  public void restore(MemberId merged, MemberStatus status) {
    jdbc.sql(
            """
            update member set status = :status, merged_into = null, version = version + 1,
              updated_at = :now where id = :id and status = 'MERGED'
            """)
        .param("status", status.name())
        .param("now", OffsetDateTime.now(clock))
        .param("id", merged.value())
        .update();
  }

  /** The records merged into a member (and not undone). */
  public List<MemberId> mergedInto(MemberId survivor) {
    return jdbc
        .sql("select id from member where merged_into = :id and status = 'MERGED'")
        .param("id", survivor.value())
        .query(UUID.class)
        .list()
        .stream()
        .map(MemberId::new)
        .toList();
  }

  /** A merged record: whose it is, and the record it was merged into. */
  public record Merged(OrganisationId organisation, MemberId into) {}

  /** The record {@code id} was merged into, if it was (and not undone); nothing is decrypted. */
  public java.util.Optional<Merged> merged(MemberId id) {
    return jdbc.sql(
            "select organisation_id, merged_into from member where id = :id and status = 'MERGED'"
                + " and merged_into is not null")
        .param("id", id.value())
        .query(
            (rs, n) ->
                new Merged(
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    new MemberId(rs.getObject("merged_into", UUID.class))))
        .optional();
  }

  /** Every member of the collective who is neither erased nor merged, opened page by page. */
  public void forEachOpened(OrganisationId organisation, Consumer<MemberRow> each) {
    UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
    boolean first = true;
    while (true) {
      var page =
          jdbc.sql(
                  """
                  select * from member where organisation_id = :org
                    and status not in ('ERASED', 'MERGED') and (:first or id > :after)
                  order by id limit :page
                  """)
              .param("org", organisation.value())
              .param("first", first)
              .param("after", after)
              .param("page", PAGE)
              .query(MemberStore::sealedRow)
              .list();
      if (page.isEmpty()) {
        return;
      }
      members.opened(page).forEach(each);
      after = page.get(page.size() - 1).row().id().value();
      first = false;
    }
  }
}
