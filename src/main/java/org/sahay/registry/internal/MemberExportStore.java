package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.ConsentPurpose;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A collective's members read page by page for an export, with their documents and consents, the
 * personal fields opened with one read of the key table per page.
 */
@Repository
public class MemberExportStore {

  private final JdbcClient jdbc;
  private final PersonalData personal;
  private final MemberStore members;

  MemberExportStore(JdbcClient jdbc, PersonalData personal, MemberStore members) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.members = members;
  }

  /** How many members of the collective (erased ones aside) were registered up to {@code asOf}. */
  public long countForExport(OrganisationId organisation, OffsetDateTime asOf) {
    return jdbc.sql(
            "select count(*) from member where organisation_id = :org and status not in ('ERASED', 'MERGED')"
                + " and created_at <= :asOf")
        .param("org", organisation.value())
        .param("asOf", asOf)
        .query(Long.class)
        .single();
  }

  /**
   * The next page of the collective's members (erased ones aside) in code order, after {@code
   * afterCode} ("" for the first page), registered up to {@code asOf}.
   */
  public List<MemberRow> pageForExport(
      OrganisationId organisation, OffsetDateTime asOf, String afterCode, int limit) {
    return jdbc
        .sql(
            """
            select * from member
            where organisation_id = :org and status not in ('ERASED', 'MERGED') and created_at <= :asOf
              and code > :after
            order by code limit :limit
            """)
        .param("org", organisation.value())
        .param("asOf", asOf)
        .param("after", afterCode)
        .param("limit", limit)
        .query(MemberStore::sealedRow)
        .list()
        .stream()
        .collect(
            java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), members::opened));
  }

  /** The consent that holds now per purpose, for several members of one collective. */
  public Map<MemberId, Map<ConsentPurpose, Boolean>> consentsOf(
      OrganisationId organisation, List<MemberId> members) {
    Map<MemberId, Map<ConsentPurpose, Boolean>> found = new java.util.HashMap<>();
    if (members.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select member_id, purpose, granted from member_consent
            where organisation_id = :org and member_id in (:ids) order by recorded_at, id
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).toList())
        .query(
            (ResultSet rs) -> {
              found
                  .computeIfAbsent(
                      new MemberId(rs.getObject(1, UUID.class)),
                      k -> new EnumMap<>(ConsentPurpose.class))
                  .put(ConsentPurpose.valueOf(rs.getString(2)), rs.getBoolean(3));
            });
    return found;
  }
}
