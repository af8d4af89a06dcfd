package org.sahay.registry.internal;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Gender;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals what databases from before migration V12 hold in plain columns (members' names, phones,
 * birth dates, block and village; document numbers; dependents' names and notes), writes their
 * lookup tokens and empties the plain columns. Runs at start-up, in batches, and finds nothing to
 * do once done.
 */
@Component
class PersonalDataUpgrade implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataUpgrade.class);
  private static final int BATCH = 200;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final PersonalData personal;
  private final Vault vault;
  private final TransactionTemplate tx;

  PersonalDataUpgrade(
      JdbcClient jdbc,
      JdbcTemplate batches,
      PersonalData personal,
      Vault vault,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.personal = personal;
    this.vault = vault;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    int members = 0;
    int done;
    while ((done = tx.execute(s -> sealMembers())) > 0) {
      members += done;
    }
    int documents = tx.execute(s -> sealDocuments());
    int dependents = tx.execute(s -> sealDependents());
    int villages = 0;
    while ((done = tx.execute(s -> sealHouseholdVillages())) > 0) {
      villages += done;
    }
    if (members + documents + dependents + villages > 0) {
      log.info(
          "Sealed the plain personal fields of {} members, {} documents, {} dependents and"
              + " {} household villages",
          members,
          documents,
          dependents,
          villages);
    }
  }

  /** Seals one batch of members; the number sealed. */
  int sealMembers() {
    record Plain(MemberId id, OrganisationId organisation, ValidMember member) {}
    List<Plain> plain =
        jdbc.sql(
                """
                select id, organisation_id, name, alias, gender, date_of_birth, birth_year, phone,
                  other_phone, state, district, block, village, joined_on, status, languages,
                  has_smartphone
                from member
                where personal is null and status not in ('ERASED', 'MERGED')
                  and (name is not null or alias is not null or phone is not null
                    or other_phone is not null or village is not null or block is not null
                    or date_of_birth is not null)
                order by id limit :batch
                """)
            .param("batch", BATCH)
            .query(
                (rs, n) -> {
                  String languages = rs.getString("languages");
                  return new Plain(
                      new MemberId(rs.getObject("id", UUID.class)),
                      new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                      new ValidMember(
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
                          languages == null ? List.of() : Arrays.asList(languages.split(",")),
                          (Boolean) rs.getObject("has_smartphone"),
                          null,
                          List.of()));
                })
            .list();
    for (Plain p : plain) {
      if (!vault.hasKey(p.id().value())) {
        vault.createKey(p.id().value(), p.organisation());
      }
      jdbc.sql(
              """
              update member set personal = :personal, name = null, alias = null,
                date_of_birth = null, phone = null, other_phone = null, block = null,
                village = null, languages = null, has_smartphone = null, name_key = null
              where id = :id
              """)
          .param("personal", personal.seal(p.id(), p.member()))
          .param("id", p.id().value())
          .update();
      List<Object[]> tokens = new ArrayList<>();
      for (String token : personal.tokens(p.organisation(), p.member())) {
        tokens.add(new Object[] {p.id().value(), p.organisation().value(), token, p.id().value()});
      }
      batches.batchUpdate(
          "insert into member_token (member_id, organisation_id, token, code)"
              + " select ?, ?, ?, code from member where id = ?",
          tokens);
    }
    return plain.size();
  }

  int sealDocuments() {
    List<Object[]> plain = new ArrayList<>();
    jdbc.sql(
            """
            select d.id, d.member_id, d.type, d.number, d.detail from member_document d
            join data_key k on k.subject_id = d.member_id
            where d.number is not null or d.detail is not null
            """)
        .query(
            (ResultSet rs) -> {
              plain.add(
                  new Object[] {
                    rs.getObject(1, UUID.class),
                    new MemberId(rs.getObject(2, UUID.class)),
                    DocumentType.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5)
                  });
            });
    for (Object[] d : plain) {
      jdbc.sql(
              "update member_document set sealed = :sealed, number = null, detail = null"
                  + " where id = :id")
          .param(
              "sealed",
              personal.sealDocument(
                  (MemberId) d[1], (DocumentType) d[2], (String) d[3], (String) d[4]))
          .param("id", d[0])
          .update();
    }
    return plain.size();
  }

  int sealDependents() {
    record Plain(UUID id, UUID household, OrganisationId organisation, String json) {}
    List<Plain> plain =
        jdbc.sql(
                """
                select id, household_id, organisation_id, name, notes from household_dependent
                where name is not null or notes is not null
                """)
            .query(
                (rs, n) ->
                    new Plain(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        new OrganisationId(rs.getObject(3, UUID.class)),
                        HouseholdStore.dependentJson(rs.getString(4), rs.getString(5))))
            .list();
    for (Plain p : plain) {
      if (!vault.hasKey(p.household())) {
        vault.createKey(p.household(), p.organisation());
      }
      jdbc.sql(
              "update household_dependent set sealed = :sealed, name = null, notes = null"
                  + " where id = :id")
          .param("sealed", vault.encrypt(p.household(), HouseholdStore.DEPENDENT, p.json()))
          .param("id", p.id())
          .update();
    }
    return plain.size();
  }

  /** Seals one batch of household villages written before V17; the number sealed. */
  int sealHouseholdVillages() {
    record Plain(UUID id, OrganisationId organisation, String village) {}
    List<Plain> plain =
        jdbc.sql(
                "select id, organisation_id, village from household where village is not null"
                    + " order by id limit :batch")
            .param("batch", BATCH)
            .query(
                (rs, n) ->
                    new Plain(
                        rs.getObject(1, UUID.class),
                        new OrganisationId(rs.getObject(2, UUID.class)),
                        rs.getString(3)))
            .list();
    for (Plain p : plain) {
      if (!vault.hasKey(p.id())) {
        vault.createKey(p.id(), p.organisation());
      }
      jdbc.sql("update household set village_sealed = :sealed, village = null where id = :id")
          .param("sealed", vault.encrypt(p.id(), HouseholdStore.VILLAGE, p.village()))
          .param("id", p.id())
          .update();
    }
    return plain.size();
  }
}
