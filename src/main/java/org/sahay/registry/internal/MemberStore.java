package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members, their documents and consents. Every query names the organisation it is scoped to.
 * Personal fields are sealed on the way in and opened on the way out ({@link PersonalData}); the
 * database holds only ciphertexts and keyed tokens of them.
 */
@Repository
public class MemberStore {

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batches;
  private final Clock clock;
  private final PersonalData personal;
  private final DocumentStore documentRows;
  private final org.springframework.context.ApplicationEventPublisher events;

  MemberStore(
      JdbcClient jdbc,
      org.springframework.jdbc.core.JdbcTemplate batches,
      Clock clock,
      PersonalData personal,
      DocumentStore documentRows,
      org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.clock = clock;
    this.personal = personal;
    this.documentRows = documentRows;
    this.events = events;
  }

  /**
   * The next member code of the collective (GNT-000124). The sequence row is locked until the
   * caller's transaction ends, so concurrent registrations never get the same code. The row is made
   * with the collective; for one made before that, the first registration makes it here, in the
   * caller's own transaction and connection: a concurrent first registration waits for it and then
   * finds it, and no registration holds one connection while it waits for another.
   */
  public String nextCode(OrganisationId organisation, String shortCode) {
    return nextCodes(organisation, shortCode, 1).get(0);
  }

  /** The collective's next {@code count} member codes, taken with one lock of its sequence. */
  public List<String> nextCodes(OrganisationId organisation, String shortCode, int count) {
    Long next = lockSequence(organisation);
    if (next == null) {
      startSequence(organisation);
      next = Objects.requireNonNull(lockSequence(organisation));
    }
    jdbc.sql("update member_code_sequence set next_value = :n where organisation_id = :o")
        .param("n", next + count)
        .param("o", organisation.value())
        .update();
    List<String> codes = new ArrayList<>(count);
    for (long n = next; n < next + count; n++) {
      codes.add(String.format("%s-%06d", shortCode, n));
    }
    return codes;
  }

  /** Starts the collective's member codes at 1, unless they have started already. */
  public void startSequence(OrganisationId organisation) {
    jdbc.sql(
            "insert into member_code_sequence (organisation_id, next_value) values (:o, 1)"
                + " on conflict do nothing")
        .param("o", organisation.value())
        .update();
  }

  private Long lockSequence(OrganisationId organisation) {
    return jdbc.sql(
            "select next_value from member_code_sequence where organisation_id = :o for update")
        .param("o", organisation.value())
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  /** Inserts a member whose data key exists already. */
  public void insert(
      MemberId id, OrganisationId organisation, String code, ValidMember m, byte[] sensitive) {
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            """
            insert into member (id, organisation_id, code, gender, birth_year, state, district,
              joined_on, status, personal, sensitive, version, created_at, updated_at)
            values (:id, :org, :code, :gender, :birthYear, :state, :district, :joinedOn, :status,
              :personal, :sensitive, 0, :now, :now)
            """)
        .param("id", id.value())
        .param("org", organisation.value())
        .param("code", code)
        .params(columns(id, m, sensitive))
        .param("now", now)
        .update();
    replaceDocuments(id, organisation, m.documents());
    replaceTokens(id, organisation, m);
  }

  /** Changes a member if nobody changed it since {@code version}; false when somebody did. */
  public boolean update(
      MemberId id, OrganisationId organisation, int version, ValidMember m, byte[] sensitive) {
    int changed =
        jdbc.sql(
                """
                update member set gender = :gender, birth_year = :birthYear, state = :state,
                  district = :district, joined_on = :joinedOn, status = :status,
                  personal = :personal, sensitive = :sensitive, version = version + 1,
                  updated_at = :now
                where id = :id and organisation_id = :org and version = :version
                  and status not in ('ERASED', 'MERGED')
                """)
            .params(columns(id, m, sensitive))
            .param("now", OffsetDateTime.now(clock))
            .param("id", id.value())
            .param("org", organisation.value())
            .param("version", version)
            .update();
    if (changed == 1) {
      replaceDocuments(id, organisation, m.documents());
      replaceTokens(id, organisation, m);
    }
    return changed == 1;
  }

  public Optional<MemberRow> find(MemberId id) {
    return jdbc.sql("select * from member where id = :id")
        .param("id", id.value())
        .query(MemberStore::sealedRow)
        .optional()
        .map(row -> opened(List.of(row)).get(0));
  }

  public List<Member.Document> documents(OrganisationId organisation, MemberId id) {
    return documentsOf(organisation, List.of(id)).getOrDefault(id, List.of());
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

  private void replaceTokens(MemberId id, OrganisationId organisation, ValidMember m) {
    events.publishEvent(m.recorded(id, organisation));
    jdbc.sql("delete from member_token where member_id = :id").param("id", id.value()).update();
    List<Object[]> rows = new ArrayList<>();
    for (String token : personal.tokens(organisation, m)) {
      rows.add(new Object[] {id.value(), organisation.value(), token, id.value()});
    }
    // The code is copied from the member's row: searches read tokens in code order.
    batches.batchUpdate(
        "insert into member_token (member_id, organisation_id, token, code)"
            + " select ?, ?, ?, code from member where id = ?",
        rows);
  }

  /**
   * Removes everything personal; keeps the row for anonymous counts (gender, district, year). The
   * caller destroys the member's key, which is what reaches old backups.
   */
  public void erase(MemberId id) {
    jdbc.sql("delete from member_token where member_id = :id").param("id", id.value()).update();
    jdbc.sql("delete from member_document where member_id = :id").param("id", id.value()).update();
    jdbc.sql("delete from member_consent where member_id = :id").param("id", id.value()).update();
    jdbc.sql("update household set head_member_id = null where head_member_id = :id")
        .param("id", id.value())
        .update();
    Optional<UUID> household =
        jdbc.sql("select household_id from household_member where member_id = :id")
            .param("id", id.value())
            .query(UUID.class)
            .optional();
    jdbc.sql("delete from household_member where member_id = :id").param("id", id.value()).update();
    household.ifPresent(this::forgetIfNobodyLeft);
    jdbc.sql(
            """
            update member set personal = null, sensitive = null, status = 'ERASED',
              erased_at = :now, updated_at = :now, version = version + 1
            where id = :id
            """)
        .param("now", OffsetDateTime.now(clock))
        .param("id", id.value())
        .update();
  }

  /**
   * A household whose last member was erased keeps only anonymous facts: its key (under which its
   * dependents' names and notes are sealed) is destroyed and its village forgotten.
   */
  private void forgetIfNobodyLeft(UUID household) {
    long left =
        jdbc.sql("select count(*) from household_member where household_id = :h")
            .param("h", household)
            .query(Long.class)
            .single();
    if (left == 0) {
      personal.destroyKey(household);
      jdbc.sql("update household set village = null, village_sealed = null where id = :h")
          .param("h", household)
          .update();
    }
  }

  private void replaceDocuments(
      MemberId id, OrganisationId organisation, List<Member.Document> documents) {
    jdbc.sql("delete from member_document where member_id = :id").param("id", id.value()).update();
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Member.Document d : documents) {
      documentRows.insert(id, organisation, d, now);
    }
  }

  private Map<String, Object> columns(MemberId id, ValidMember m, byte[] sensitive) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("gender", m.gender().name());
    p.put("birthYear", m.birthYear());
    p.put("state", m.state());
    p.put("district", m.district());
    p.put("joinedOn", m.joinedOn());
    p.put("status", m.status().name());
    p.put("personal", personal.seal(id, m));
    p.put("sensitive", sensitive);
    return p;
  }

  /** A row as stored: the personal fields still sealed. */
  record Sealed(MemberRow row, byte[] personal) {}

  static Sealed sealedRow(ResultSet rs, int n) throws SQLException {
    return new Sealed(
        new MemberRow(
            new MemberId(rs.getObject("id", UUID.class)),
            new OrganisationId(rs.getObject("organisation_id", UUID.class)),
            rs.getString("code"),
            null,
            null,
            Gender.valueOf(rs.getString("gender")),
            null,
            (Integer) rs.getObject("birth_year"),
            null,
            null,
            rs.getString("state"),
            rs.getString("district"),
            null,
            null,
            rs.getObject("joined_on", LocalDate.class),
            MemberStatus.valueOf(rs.getString("status")),
            List.of(),
            null,
            rs.getBytes("sensitive"),
            rs.getInt("version")),
        rs.getBytes("personal"));
  }

  /** Opens the personal fields of several rows with one read of the key table. */
  List<MemberRow> opened(List<Sealed> sealed) {
    var keys = personal.keys(sealed.stream().map(s -> s.row().id()).toList());
    List<MemberRow> rows = new ArrayList<>(sealed.size());
    for (Sealed s : sealed) {
      MemberRow r = s.row();
      PersonalData.Fields f = personal.open(keys, r.id(), s.personal());
      rows.add(
          new MemberRow(
              r.id(),
              r.organisation(),
              r.code(),
              f.name(),
              f.alias(),
              r.gender(),
              f.birthDate(),
              r.birthYear(),
              f.phone(),
              f.otherPhone(),
              r.state(),
              r.district(),
              f.block(),
              f.village(),
              r.joinedOn(),
              r.status(),
              f.languages() == null ? List.of() : f.languages(),
              f.hasSmartphone(),
              r.sensitive(),
              r.version()));
    }
    return rows;
  }

  // Exports read the collective page by page, so that a hundred thousand members never sit in
  // memory at once; documents and consents come per page, not per member.

  /** Codes of those of {@code members} who are (not erased) members of the collective. */
  public Map<MemberId, String> codes(
      OrganisationId organisation, java.util.Collection<MemberId> members) {
    Map<MemberId, String> found = new java.util.HashMap<>();
    if (members.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "select id, code from member where organisation_id = :org and status not in ('ERASED', 'MERGED')"
                + " and id in (:ids)")
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).toList())
        .query(
            (ResultSet rs) -> {
              found.put(new MemberId(rs.getObject(1, UUID.class)), rs.getString(2));
            });
    return found;
  }

  /** The documents of several members of one collective, by member. */
  public Map<MemberId, List<Member.Document>> documentsOf(
      OrganisationId organisation, List<MemberId> members) {
    Map<MemberId, List<Member.Document>> found = new java.util.HashMap<>();
    if (members.isEmpty()) {
      return found;
    }
    var keys = personal.keys(members);
    jdbc.sql(
            """
            select member_id, type, status, sealed, jan_dhan from member_document
            where organisation_id = :org and member_id in (:ids) order by member_id, type
            """)
        .param("org", organisation.value())
        .param("ids", members.stream().map(MemberId::value).toList())
        .query(
            (ResultSet rs) -> {
              MemberId member = new MemberId(rs.getObject(1, UUID.class));
              DocumentType type = DocumentType.valueOf(rs.getString(2));
              var fields = personal.openDocument(keys, member, type, rs.getBytes(4));
              found
                  .computeIfAbsent(member, k -> new ArrayList<>())
                  .add(
                      new Member.Document(
                          type,
                          DocumentStatus.valueOf(rs.getString(3)),
                          fields.number(),
                          fields.detail(),
                          (Boolean) rs.getObject(5)));
            });
    return found;
  }
}
