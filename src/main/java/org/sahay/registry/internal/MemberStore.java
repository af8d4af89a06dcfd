package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.Ids;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.ConsentPurpose;
import org.sahay.registry.DocumentStatus;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Gender;
import org.sahay.registry.Member;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberStatus;
import org.sahay.registry.MemberSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Members, their documents and consents. Every query names the organisation it is scoped to. */
@Repository
public class MemberStore {

  /** What to look for: words of a name (as phonetic keys), a code, or digits of a phone. */
  public record Query(String code, String phoneDigits, List<String> nameKeys, String village) {}

  private static final String SUMMARY_COLUMNS =
      "id, code, name, alias, gender, birth_year, district, village, status";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate separately;

  MemberStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The next member code of the collective (GNT-000124). The sequence row is locked until the
   * caller's transaction ends, so concurrent registrations never get the same code.
   */
  public String nextCode(OrganisationId organisation, String shortCode) {
    Long next = lockSequence(organisation);
    if (next == null) {
      try {
        separately.executeWithoutResult(
            s ->
                jdbc.sql(
                        "insert into member_code_sequence (organisation_id, next_value)"
                            + " values (:o, 1)")
                    .param("o", organisation.value())
                    .update());
      } catch (DuplicateKeyException e) {
        // another registration created it first
      }
      next = lockSequence(organisation);
    }
    jdbc.sql("update member_code_sequence set next_value = :n where organisation_id = :o")
        .param("n", next + 1)
        .param("o", organisation.value())
        .update();
    return String.format("%s-%06d", shortCode, next);
  }

  private Long lockSequence(OrganisationId organisation) {
    return jdbc.sql(
            "select next_value from member_code_sequence where organisation_id = :o for update")
        .param("o", organisation.value())
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  public void insert(
      MemberId id,
      OrganisationId organisation,
      String code,
      ValidMember m,
      byte[] sensitive,
      String nameKey) {
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into member (id, organisation_id, code, name, alias, gender, date_of_birth,
              birth_year, phone, other_phone, state, district, block, village, joined_on, status,
              languages, has_smartphone, sensitive, name_key, version, created_at, updated_at)
            values (:id, :org, :code, :name, :alias, :gender, :dob, :birthYear, :phone, :otherPhone,
              :state, :district, :block, :village, :joinedOn, :status, :languages, :smartphone,
              :sensitive, :nameKey, 0, :now, :now)
            """)
        .param("id", id.value())
        .param("org", organisation.value())
        .param("code", code)
        .params(columns(m, sensitive, nameKey))
        .param("now", now)
        .update();
    replaceDocuments(id, organisation, m.documents());
    replaceNameWords(id, organisation, nameKey);
  }

  /** Changes a member if nobody changed it since {@code version}; false when somebody did. */
  public boolean update(
      MemberId id,
      OrganisationId organisation,
      int version,
      ValidMember m,
      byte[] sensitive,
      String nameKey) {
    int changed =
        jdbc.sql(
                """
                update member set name = :name, alias = :alias, gender = :gender,
                  date_of_birth = :dob, birth_year = :birthYear, phone = :phone,
                  other_phone = :otherPhone, state = :state, district = :district, block = :block,
                  village = :village, joined_on = :joinedOn, status = :status,
                  languages = :languages, has_smartphone = :smartphone, sensitive = :sensitive,
                  name_key = :nameKey, version = version + 1, updated_at = :now
                where id = :id and organisation_id = :org and version = :version
                  and status <> 'ERASED'
                """)
            .params(columns(m, sensitive, nameKey))
            .param("now", OffsetDateTime.now(clock))
            .param("id", id.value())
            .param("org", organisation.value())
            .param("version", version)
            .update();
    if (changed == 1) {
      replaceDocuments(id, organisation, m.documents());
      replaceNameWords(id, organisation, nameKey);
    }
    return changed == 1;
  }

  public Optional<MemberRow> find(MemberId id) {
    return jdbc.sql("select * from member where id = :id")
        .param("id", id.value())
        .query(MemberStore::row)
        .optional();
  }

  public List<MemberSummary> search(
      OrganisationId organisation, Query query, int limit, int offset) {
    StringBuilder sql =
        new StringBuilder(
            "select "
                + SUMMARY_COLUMNS
                + " from member where organisation_id = :org"
                + " and status <> 'ERASED'");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("org", organisation.value());
    if (query.code() != null) {
      sql.append(" and code = :code");
      params.put("code", query.code());
    }
    if (query.phoneDigits() != null && query.phoneDigits().length() == 10) {
      sql.append(" and (phone = :phone or other_phone = :phone)");
      params.put("phone", query.phoneDigits());
    } else if (query.phoneDigits() != null) {
      sql.append(" and (phone like :phone or other_phone like :phone)");
      params.put("phone", "%" + query.phoneDigits() + "%");
    }
    // Each word typed must start a word of the name: an index range per word, not a scan.
    for (int i = 0; i < query.nameKeys().size(); i++) {
      String word = query.nameKeys().get(i);
      sql.append(
              " and id in (select member_id from member_name_word where organisation_id = :org"
                  + " and word >= :from")
          .append(i)
          .append(" and word < :to")
          .append(i)
          .append(")");
      params.put("from" + i, word);
      params.put(
          "to" + i,
          word.substring(0, word.length() - 1) + (char) (word.charAt(word.length() - 1) + 1));
    }
    if (query.village() != null) {
      sql.append(" and lower(village) = lower(:village)");
      params.put("village", query.village());
    }
    sql.append(" order by code limit :limit offset :offset");
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(sql.toString()).params(params).query(MemberStore::summary).list();
  }

  /**
   * Members of the collective who may be the same person: the same phone number, or a name with the
   * same first phonetic word, born within three years, in the same district.
   */
  public List<MemberSummary> likelySame(
      OrganisationId organisation,
      String phone,
      String firstNameKey,
      Integer birthYear,
      String district) {
    return jdbc.sql(
            """
            select %s from member
            where organisation_id = :org and status <> 'ERASED'
              and ((:phone is not null and (phone = :phone or other_phone = :phone))
                or (:key is not null and id in (select member_id from member_name_word
                      where organisation_id = :org and word = :key)
                    and lower(district) = lower(:district)
                    and (:year is null or birth_year is null
                      or birth_year between :year - 3 and :year + 3)))
            order by code limit 5
            """
                .formatted(SUMMARY_COLUMNS))
        .param("org", organisation.value())
        .param("phone", phone, java.sql.Types.VARCHAR)
        .param("key", firstNameKey, java.sql.Types.VARCHAR)
        .param("district", district, java.sql.Types.VARCHAR)
        .param("year", birthYear, java.sql.Types.INTEGER)
        .query(MemberStore::summary)
        .list();
  }

  public List<Member.Document> documents(MemberId id) {
    return jdbc.sql(
            "select type, status, number, detail, jan_dhan from member_document"
                + " where member_id = :id order by type")
        .param("id", id.value())
        .query(
            (rs, n) ->
                new Member.Document(
                    DocumentType.valueOf(rs.getString(1)),
                    DocumentStatus.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    (Boolean) rs.getObject(5)))
        .list();
  }

  public void recordConsent(
      MemberId id,
      OrganisationId organisation,
      ConsentPurpose purpose,
      boolean granted,
      String recordedBy) {
    jdbc.sql(
            """
            insert into member_consent (id, member_id, organisation_id, purpose, granted,
              recorded_by, recorded_at)
            values (:id, :member, :org, :purpose, :granted, :by, :now)
            """)
        .param("id", Ids.newId())
        .param("member", id.value())
        .param("org", organisation.value())
        .param("purpose", purpose.name())
        .param("granted", granted)
        .param("by", recordedBy)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** The consent that holds now per purpose: the latest recorded. */
  public Map<ConsentPurpose, Boolean> consents(MemberId id) {
    Map<ConsentPurpose, Boolean> current = new EnumMap<>(ConsentPurpose.class);
    jdbc.sql(
            "select purpose, granted from member_consent where member_id = :id"
                + " order by recorded_at, id")
        .param("id", id.value())
        .query(
            (ResultSet rs) -> {
              current.put(ConsentPurpose.valueOf(rs.getString(1)), rs.getBoolean(2));
            });
    return current;
  }

  private void replaceNameWords(MemberId id, OrganisationId organisation, String nameKey) {
    jdbc.sql("delete from member_name_word where member_id = :id").param("id", id.value()).update();
    if (nameKey == null) {
      return;
    }
    for (String word : new java.util.LinkedHashSet<>(NameKeys.words(nameKey))) {
      if (word.length() <= 100) {
        jdbc.sql(
                "insert into member_name_word (member_id, organisation_id, word)"
                    + " values (:id, :org, :word)")
            .param("id", id.value())
            .param("org", organisation.value())
            .param("word", word)
            .update();
      }
    }
  }

  /** Removes everything personal; keeps the row for anonymous counts (gender, district, year). */
  public void erase(MemberId id) {
    jdbc.sql("delete from member_name_word where member_id = :id").param("id", id.value()).update();
    jdbc.sql("delete from member_document where member_id = :id").param("id", id.value()).update();
    jdbc.sql("delete from member_consent where member_id = :id").param("id", id.value()).update();
    jdbc.sql("update household set head_member_id = null where head_member_id = :id")
        .param("id", id.value())
        .update();
    jdbc.sql("delete from household_member where member_id = :id").param("id", id.value()).update();
    jdbc.sql(
            """
            update member set name = null, alias = null, date_of_birth = null, phone = null,
              other_phone = null, block = null, village = null, sensitive = null, name_key = null,
              languages = null, has_smartphone = null, status = 'ERASED', erased_at = :now,
              updated_at = :now, version = version + 1
            where id = :id
            """)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id.value())
        .update();
  }

  private void replaceDocuments(
      MemberId id, OrganisationId organisation, List<Member.Document> documents) {
    jdbc.sql("delete from member_document where member_id = :id").param("id", id.value()).update();
    for (Member.Document d : documents) {
      jdbc.sql(
              """
              insert into member_document (id, member_id, organisation_id, type, status, number,
                detail, jan_dhan, updated_at)
              values (:id, :member, :org, :type, :status, :number, :detail, :janDhan, :now)
              """)
          .param("id", Ids.newId())
          .param("member", id.value())
          .param("org", organisation.value())
          .param("type", d.type().name())
          .param("status", d.status().name())
          .param("number", d.number())
          .param("detail", d.detail())
          .param("janDhan", d.janDhan())
          .param("now", OffsetDateTime.now(clock))
          .update();
    }
  }

  private static Map<String, Object> columns(ValidMember m, byte[] sensitive, String nameKey) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("name", m.name());
    p.put("alias", m.alias());
    p.put("gender", m.gender().name());
    p.put("dob", m.dateOfBirth());
    p.put("birthYear", m.birthYear());
    p.put("phone", m.phone());
    p.put("otherPhone", m.otherPhone());
    p.put("state", m.state());
    p.put("district", m.district());
    p.put("block", m.block());
    p.put("village", m.village());
    p.put("joinedOn", m.joinedOn());
    p.put("status", m.status().name());
    p.put("languages", m.languages().isEmpty() ? null : String.join(",", m.languages()));
    p.put("smartphone", m.hasSmartphone());
    p.put("sensitive", sensitive);
    p.put("nameKey", nameKey);
    return p;
  }

  private static MemberSummary summary(ResultSet rs, int n) throws SQLException {
    return new MemberSummary(
        new MemberId(rs.getObject("id", UUID.class)),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("alias"),
        Gender.valueOf(rs.getString("gender")),
        (Integer) rs.getObject("birth_year"),
        rs.getString("district"),
        rs.getString("village"),
        MemberStatus.valueOf(rs.getString("status")));
  }

  private static MemberRow row(ResultSet rs, int n) throws SQLException {
    String languages = rs.getString("languages");
    return new MemberRow(
        new MemberId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("alias"),
        Gender.valueOf(rs.getString("gender")),
        rs.getObject("date_of_birth", LocalDate.class),
        (Integer) rs.getObject("birth_year"),
        rs.getString("phone"),
        rs.getString("other_phone"),
        rs.getString("state"),
        rs.getString("district"),
        rs.getString("block"),
        rs.getString("village"),
        rs.getObject("joined_on", LocalDate.class),
        MemberStatus.valueOf(rs.getString("status")),
        languages == null ? List.of() : new ArrayList<>(Arrays.asList(languages.split(","))),
        (Boolean) rs.getObject("has_smartphone"),
        rs.getBytes("sensitive"),
        rs.getInt("version"));
  }

  // Exports read the collective page by page, so that a hundred thousand members never sit in
  // memory at once; documents and consents come per page, not per member.

  /** How many members of the collective (erased ones aside) were registered up to {@code asOf}. */
  public long countForExport(OrganisationId organisation, OffsetDateTime asOf) {
    return jdbc.sql(
            "select count(*) from member where organisation_id = :org and status <> 'ERASED'"
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
    return jdbc.sql(
            """
            select * from member
            where organisation_id = :org and status <> 'ERASED' and created_at <= :asOf
              and code > :after
            order by code limit :limit
            """)
        .param("org", organisation.value())
        .param("asOf", asOf)
        .param("after", afterCode)
        .param("limit", limit)
        .query(MemberStore::row)
        .list();
  }

  /** The documents of several members of one collective, by member. */
  public Map<MemberId, List<Member.Document>> documentsOf(
      OrganisationId organisation, List<MemberId> members) {
    Map<MemberId, List<Member.Document>> found = new java.util.HashMap<>();
    if (members.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select member_id, type, status, number, detail, jan_dhan from member_document
            where organisation_id = :org and member_id in (:ids) order by member_id, type
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).toList())
        .query(
            (ResultSet rs) -> {
              found
                  .computeIfAbsent(
                      new MemberId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                  .add(
                      new Member.Document(
                          DocumentType.valueOf(rs.getString(2)),
                          DocumentStatus.valueOf(rs.getString(3)),
                          rs.getString(4),
                          rs.getString(5),
                          (Boolean) rs.getObject(6)));
            });
    return found;
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
