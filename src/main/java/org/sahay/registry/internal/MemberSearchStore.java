package org.sahay.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Gender;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberStatus;
import org.sahay.registry.MemberSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finding members of a collective: by name words, phone or code, one by id as in a search result,
 * and those likely the same as someone about to be registered. Names are read sealed and opened
 * only for the rows found.
 */
@Repository
public class MemberSearchStore {

  /**
   * What to look for: a code, digits of a phone (all ten, or the last four or more), the words of a
   * name in any script, a village, a status (null: any but erased).
   */
  public record Query(
      String code, String phoneDigits, String name, String village, MemberStatus status) {}

  private static final String SUMMARY_COLUMNS =
      "id, code, personal, gender, birth_year, district, status";

  private final JdbcClient jdbc;
  private final PersonalData personal;

  MemberSearchStore(JdbcClient jdbc, PersonalData personal) {
    this.jdbc = jdbc;
    this.personal = personal;
  }

  public List<MemberSummary> search(
      OrganisationId organisation, Query query, int limit, int offset) {
    SearchSql search = searchSql(organisation, query, limit, offset);
    List<Found> found = summaries(jdbc.sql(search.text()).params(search.params()));
    String digits = query.phoneDigits();
    if (digits != null && digits.length() > 4 && digits.length() < 10) {
      // The token matched the last four digits; keep those whose number ends with all typed.
      found = found.stream().filter(f -> f.phoneEndsWith(digits)).toList();
    }
    return found.stream().map(Found::summary).toList();
  }

  /** A search's statement and its parameters. */
  record SearchSql(String text, Map<String, Object> params) {}

  SearchSql searchSql(OrganisationId organisation, Query query, int limit, int offset) {
    StringBuilder sql = new StringBuilder("select m.id, m.code, m.personal, m.gender,");
    sql.append(" m.birth_year, m.district, m.status from ");
    Map<String, Object> params = new java.util.HashMap<>();
    List<String> tokens = new ArrayList<>();
    String digits = query.phoneDigits();
    if (digits != null) {
      tokens.add(personal.phoneToken(organisation, digits));
    }
    if (query.name() != null) {
      tokens.addAll(personal.nameSearchTokens(organisation, query.name()));
    }
    if (query.village() != null) {
      tokens.add(personal.villageToken(organisation, query.village()));
    }
    // The first token drives: its index entries are read in code order, so a page of results
    // reads about a page of entries however many members match; each further token is one probe
    // of the (member, token) key. Without tokens, the member table is read in code order.
    String order = "m.code";
    if (tokens.isEmpty()) {
      sql.append("member m");
    } else {
      sql.append("member_token t0 join member m on m.id = t0.member_id");
      // The same order as by code alone (both are fixed by the where clause), said so that H2
      // too sees the index's order, as PostgreSQL does.
      order = "t0.organisation_id, t0.token, t0.code";
    }
    for (int i = 1; i < tokens.size(); i++) {
      // By the key (member, token) alone: m is the collective's already, and naming the
      // organisation too leads H2 to the ordered index, reading every member with the token.
      sql.append(
          " join member_token t%d on t%d.member_id = m.id and t%d.token = :t%d"
              .formatted(i, i, i, i));
    }
    for (int i = 0; i < tokens.size(); i++) {
      params.put("t" + i, tokens.get(i));
    }
    sql.append(" where m.organisation_id = :org and m.status not in ('ERASED', 'MERGED')");
    if (!tokens.isEmpty()) {
      sql.append(" and t0.organisation_id = :org and t0.token = :t0");
    }
    params.put("org", organisation.value());
    if (query.code() != null) {
      sql.append(" and m.code = :code");
      params.put("code", query.code());
    }
    if (query.status() != null) {
      sql.append(" and m.status = :status");
      params.put("status", query.status().name());
    }
    sql.append(" order by ").append(order).append(" limit :limit offset :offset");
    params.put("limit", limit);
    params.put("offset", offset);
    return new SearchSql(sql.toString(), params);
  }

  /** One (not erased) member of the collective, as in a search result. */
  public Optional<MemberSummary> summary(OrganisationId organisation, MemberId id) {
    return summaries(
            jdbc.sql(
                    "select %s from member where organisation_id = :org and id = :id and status not in ('ERASED', 'MERGED')"
                        .formatted(SUMMARY_COLUMNS))
                .param("org", organisation.value())
                .param("id", id.value()))
        .stream()
        .map(Found::summary)
        .findFirst();
  }

  /**
   * The district of a (not erased or merged) member of the collective, read without opening her
   * sealed fields: empty when there is no such member, an empty string when no district is known.
   */
  public Optional<String> district(OrganisationId organisation, MemberId id) {
    return jdbc.sql(
            "select coalesce(district, '') from member where organisation_id = :org and id = :id"
                + " and status not in ('ERASED', 'MERGED')")
        .param("org", organisation.value())
        .param("id", id.value())
        .query(String.class)
        .optional();
  }

  private record Found(MemberSummary summary, PersonalData.Fields fields) {
    boolean phoneEndsWith(String digits) {
      return (fields.phone() != null && fields.phone().endsWith(digits))
          || (fields.otherPhone() != null && fields.otherPhone().endsWith(digits));
    }
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
    return summaries(
            jdbc.sql(
                    """
                select %s from member
                where organisation_id = :org and status not in ('ERASED', 'MERGED')
                  and ((:phone is not null and id in (select member_id from member_token
                          where organisation_id = :org and token = :phone))
                    or (:key is not null and id in (select member_id from member_token
                          where organisation_id = :org and token = :key)
                        and lower(district) = lower(:district)
                        and (:year is null or birth_year is null
                          or birth_year between :year - 3 and :year + 3)))
                order by code limit 5
                """
                        .formatted(SUMMARY_COLUMNS))
                .param("org", organisation.value())
                .param(
                    "phone",
                    phone == null ? null : personal.phoneToken(organisation, phone),
                    java.sql.Types.VARCHAR)
                .param(
                    "key",
                    firstNameKey == null
                        ? null
                        : personal.nameWordToken(organisation, firstNameKey),
                    java.sql.Types.VARCHAR)
                .param("district", district, java.sql.Types.VARCHAR)
                .param("year", birthYear, java.sql.Types.INTEGER))
        .stream()
        .map(Found::summary)
        .toList();
  }

  private List<Found> summaries(JdbcClient.StatementSpec statement) {
    List<Object[]> rows =
        statement
            .query(
                (rs, n) ->
                    new Object[] {
                      new MemberId(rs.getObject("id", UUID.class)),
                      rs.getString("code"),
                      rs.getBytes("personal"),
                      Gender.valueOf(rs.getString("gender")),
                      (Integer) rs.getObject("birth_year"),
                      rs.getString("district"),
                      MemberStatus.valueOf(rs.getString("status"))
                    })
            .list();
    var keys = personal.keys(rows.stream().map(r -> (MemberId) r[0]).toList());
    List<Found> summaries = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      MemberId id = (MemberId) r[0];
      PersonalData.Fields f = personal.open(keys, id, (byte[]) r[2]);
      summaries.add(
          new Found(
              new MemberSummary(
                  id,
                  (String) r[1],
                  f.name(),
                  f.alias(),
                  (Gender) r[3],
                  (Integer) r[4],
                  (String) r[5],
                  f.village(),
                  (MemberStatus) r[6]),
              f));
    }
    return summaries;
  }
}
