package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentStatus;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Member;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members' documents one at a time, for other modules: which each member has (type and status only,
 * nothing sealed is opened), and one document recorded without the rest of the member's form.
 */
@Repository
public class DocumentStore {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PersonalData personal;

  DocumentStore(JdbcClient jdbc, Clock clock, PersonalData personal) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.personal = personal;
  }

  /** The columns of {@link #row}, in order. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "member_id",
          "organisation_id",
          "type",
          "status",
          "sealed",
          "jan_dhan",
          "updated_at");

  /** One document row for a bulk insert, its number and detail sealed under the member's key. */
  Object[] row(MemberId id, OrganisationId organisation, Member.Document d, OffsetDateTime now) {
    return new Object[] {
      Ids.newId(),
      id.value(),
      organisation.value(),
      d.type().name(),
      d.status().name(),
      personal.sealDocument(id, d.type(), d.number(), d.detail()),
      d.janDhan(),
      now
    };
  }

  /** Adds one document row, its number and detail sealed under the member's key. */
  void insert(MemberId id, OrganisationId organisation, Member.Document d, OffsetDateTime now) {
    jdbc.sql(
            """
            insert into member_document (id, member_id, organisation_id, type, status, sealed,
              jan_dhan, updated_at)
            values (:id, :member, :org, :type, :status, :sealed, :janDhan, :now)
            """)
        .param("id", Ids.newId())
        .param("member", id.value())
        .param("org", organisation.value())
        .param("type", d.type().name())
        .param("status", d.status().name())
        .param(
            "sealed",
            personal.sealDocument(id, d.type(), d.number(), d.detail()),
            java.sql.Types.VARBINARY)
        .param("janDhan", d.janDhan(), java.sql.Types.BOOLEAN)
        .param("now", now)
        .update();
  }

  /** The status of each document each member has a record of, by member. */
  public Map<MemberId, Map<DocumentType, DocumentStatus>> statuses(
      OrganisationId organisation, Collection<MemberId> members) {
    Map<MemberId, Map<DocumentType, DocumentStatus>> found = new HashMap<>();
    if (members.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select member_id, type, status from member_document
            where organisation_id = :org and member_id in (:ids)
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).distinct().toList())
        .query(
            (ResultSet rs) -> {
              found
                  .computeIfAbsent(
                      new MemberId(rs.getObject(1, UUID.class)),
                      k -> new EnumMap<>(DocumentType.class))
                  .put(
                      DocumentType.valueOf(rs.getString(2)),
                      DocumentStatus.valueOf(rs.getString(3)));
            });
    return found;
  }

  /**
   * How many active members the collective has in each district, and how many of them hold each
   * document: district to document to count, the district's total under {@code null}.
   */
  public Map<String, Map<DocumentType, Long>> coverage(OrganisationId organisation) {
    Map<String, Map<DocumentType, Long>> found = new java.util.TreeMap<>();
    jdbc.sql(
            """
            select coalesce(m.district, ''), d.type, count(distinct m.id)
            from member m left join member_document d
              on d.member_id = m.id and d.status = 'HAVE'
            where m.organisation_id = :org and m.status = 'ACTIVE'
            group by coalesce(m.district, ''), d.type
            """)
        .param("org", organisation.value())
        .query(
            (ResultSet rs) -> {
              String type = rs.getString(2);
              if (type != null) {
                found
                    .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .put(DocumentType.valueOf(type), rs.getLong(3));
              } else {
                found.computeIfAbsent(rs.getString(1), k -> new HashMap<>());
              }
            });
    jdbc.sql(
            """
            select coalesce(district, ''), count(*) from member
            where organisation_id = :org and status = 'ACTIVE' group by coalesce(district, '')
            """)
        .param("org", organisation.value())
        .query(
            (ResultSet rs) -> {
              found.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(null, rs.getLong(2));
            });
    return found;
  }

  /**
   * How many of {@code members} (active, of the collective) live in each district ("" for none).
   */
  public Map<String, Long> districtCounts(
      OrganisationId organisation, Collection<MemberId> members) {
    Map<String, Long> found = new java.util.TreeMap<>();
    if (members.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select coalesce(district, ''), count(*) from member
            where organisation_id = :org and status = 'ACTIVE' and id in (:ids)
            group by coalesce(district, '')
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).distinct().toList())
        .query(
            (ResultSet rs) -> {
              found.put(rs.getString(1), rs.getLong(2));
            });
    return found;
  }

  /**
   * The active members of the collective without the document on record as held (no bank account,
   * no Aadhaar), oldest first, at most {@code limit}.
   */
  public java.util.List<MemberId> without(
      OrganisationId organisation, DocumentType type, int limit) {
    return jdbc.sql(
            """
            select m.id from member m where m.organisation_id = :org and m.status = 'ACTIVE'
              and not exists (select 1 from member_document d where d.member_id = m.id
                and d.type = :type and d.status = 'HAVE')
            order by m.created_at, m.id limit :limit
            """)
        .param("org", organisation.value())
        .param("type", type.name())
        .param("limit", limit)
        .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class)))
        .list();
  }

  /**
   * Records one document of a member in place of the one of that type, and counts it as a change of
   * the member (her version goes up), so that a form opened before cannot write the old one back.
   */
  public void put(MemberId id, OrganisationId organisation, Member.Document d) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("delete from member_document where member_id = :id and type = :type")
        .param("id", id.value())
        .param("type", d.type().name())
        .update();
    insert(id, organisation, d, now);
    jdbc.sql(
            "update member set version = version + 1, updated_at = :now"
                + " where id = :id and organisation_id = :org")
        .param("now", now)
        .param("id", id.value())
        .param("org", organisation.value())
        .update();
  }
}
