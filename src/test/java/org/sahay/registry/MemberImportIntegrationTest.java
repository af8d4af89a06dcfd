package org.sahay.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.sahay.IntegrationTest;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.registry.internal.ImportMapping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MemberImportIntegrationTest extends IntegrationTest {

  private static final String CSV =
      "Name,Gender,Age,District,Village,Phone,Aadhaar\n"
          + "Lakshmi,F,34,Guntur,Kothapeta,98765 11111,1234\n"
          + "దుర్గ,female,41,Guntur,Ramapuram,,\n"
          + "Rekha,F,29,Guntur,,9876522222,234567890123\n"
          + ",F,50,Guntur,,,\n"
          + "Padma,M,61,Guntur,Kothapeta,,\n";

  @Autowired private MemberImports imports;
  @Autowired private Members members;
  @Autowired private JdbcClient jdbc;

  @Test
  void aCsvIsMappedValidatedPerRowAndColumnAndItsValidRowsImported() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    UUID id = upload(leader, CSV.getBytes(StandardCharsets.UTF_8));

    var view = imports.get(leader, id);
    assertThat(view.totalRows()).isEqualTo(5);
    assertThat(view.mapping())
        .containsEntry(ImportMapping.Field.NAME, 0)
        .containsEntry(ImportMapping.Field.AGE, 2)
        .containsEntry(ImportMapping.Field.AADHAAR_LAST_FOUR, 6);

    assertThat(imports.validate(leader, id, view.mapping())).isEmpty();
    view = imports.get(leader, id);
    assertThat(view.validRows()).isEqualTo(3);
    assertThat(view.invalidRows()).isEqualTo(2);
    assertThat(view.problems())
        .contains(
            new MemberImports.Problem(4, "Aadhaar", "document.aadhaar.full"),
            new MemberImports.Problem(5, "Name", "member.name.invalid"));

    assertThat(imports.run(leader, id, true)).as("all or nothing with invalid rows").isFalse();
    assertThat(imports.run(leader, id, false)).isTrue();
    view = awaitEnd(leader, id);
    assertThat(view.status()).isEqualTo("DONE");
    assertThat(view.importedRows()).isEqualTo(3);
    assertThat(members.search(leader, "Durga", null, 0, 10)).hasSize(1);
    assertThat(members.search(leader, "9876511111", null, 0, 10)).hasSize(1);
    assertThat(
            jdbc.sql("select content from member_import where id = :id")
                .param("id", id)
                .query()
                .singleRow()
                .get("content"))
        .as("the uploaded file is dropped at the end")
        .isNull();
  }

  /** Each row is checked against the register and against the rows before it in the file. */
  @Test
  void rowsLikelyTheSameAsAMemberOrAnEarlierRowAreShownInTheReport() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    importAll(
        leader,
        "Name,Gender,Age,District,Village,Phone\nLakshmi Devi Reddy,F,40,Guntur,Kothapeta,9876533333\n"
            .getBytes(StandardCharsets.UTF_8));
    String code = members.search(leader, "Lakshmi", null, 0, 10).get(0).code();
    String file =
        "Name,Gender,Age,District,Village,Phone\n"
            + "రెడ్డి లక్ష్మి,F,41,Guntur,Kothapeta,9876533333\n"
            + "Padma Rao,F,30,Guntur,Ramapuram,9876544444\n"
            + "Padma Rao,F,30,Guntur,Ramapuram,9876544444\n"
            + "Sunita Reddy,F,35,Guntur,Kothapeta,9876533333\n";
    UUID id = upload(leader, file.getBytes(StandardCharsets.UTF_8));
    assertThat(imports.validate(leader, id, imports.get(leader, id).mapping())).isEmpty();
    var view = imports.get(leader, id);
    assertThat(view.validRows()).isEqualTo(4);
    assertThat(view.problems())
        .containsExactly(
            new MemberImports.Problem(2, "Name", "import.likelySame.member", code),
            new MemberImports.Problem(4, "Name", "import.likelySame.row", "3"));
  }

  @Test
  void reImportingTheSameFileCreatesNothingTwice() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    byte[] file = CSV.getBytes(StandardCharsets.UTF_8);
    importAll(leader, file);
    long before = memberCount(collective);
    UUID again = upload(leader, file);
    assertThat(imports.get(leader, again).importedBefore()).isTrue();
    var view = importAll(leader, file);
    assertThat(view.importedRows()).isZero();
    assertThat(view.skippedRows()).isEqualTo(3);
    assertThat(memberCount(collective)).isEqualTo(before);
  }

  /**
   * Past a chunk (rows are written a chunk at a time, in bulk): every member gets her own key, the
   * next code, her tokens, documents and audit entry; a row repeated in a later chunk, or twice in
   * one, is imported once; an all-or-nothing import of the same size does the same.
   */
  @Test
  void aFileOfSeveralChunksImportsEachRowOnceWithItsCodeKeyTokensAndAuditEntry() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    StringBuilder file = new StringBuilder("Name,Gender,Age,District,Village,Phone,Aadhaar\n");
    for (int i = 0; i < 1200; i++) {
      file.append(
          "Bulkname%s Rowperson,F,%d,Guntur,Kothapeta,98%08d,%04d\n"
              .formatted(NameWords.of(i), 20 + i % 40, i, i % 10000));
    }
    file.append(
        "Bulkname%s Rowperson,F,20,Guntur,Kothapeta,98%08d,0000\n".formatted(NameWords.of(0), 0));
    file.append(
        "Bulkname%s Rowperson,F,20,Guntur,Kothapeta,98%08d,0000\n".formatted(NameWords.of(0), 0));
    var view = importAll(leader, file.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(view.status()).isEqualTo("DONE");
    assertThat(view.importedRows()).isEqualTo(1200);
    assertThat(view.skippedRows()).isEqualTo(2);
    assertThat(memberCount(collective)).isEqualTo(1200);
    UUID org = collective.id().value();
    assertThat(count("select count(distinct code) from member where organisation_id = :o", org))
        .isEqualTo(1200);
    assertThat(
            count(
                "select count(*) from data_key k join member m on m.id = k.subject_id where m.organisation_id = :o",
                org))
        .isEqualTo(1200);
    assertThat(count("select count(*) from member_document where organisation_id = :o", org))
        .isEqualTo(1200);
    assertThat(
            count(
                "select count(*) from audit_entry where organisation_id = :o"
                    + " and action = 'MEMBER_REGISTERED'",
                org))
        .isEqualTo(1200);
    var found = members.search(leader, "Bulkname" + NameWords.of(777), null, 0, 10);
    assertThat(found).hasSize(1);
    assertThat(members.get(leader, found.get(0).id()).name())
        .isEqualTo("Bulkname" + NameWords.of(777) + " Rowperson");
    assertThat(members.search(leader, "9800000999", null, 0, 10)).hasSize(1);

    var other = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor otherLeader = fixtures.user(other, Role.LEADER).actor();
    UUID again = upload(otherLeader, file.toString().getBytes(StandardCharsets.UTF_8));
    imports.validate(otherLeader, again, imports.get(otherLeader, again).mapping());
    assertThat(imports.run(otherLeader, again, true)).as("all or nothing").isTrue();
    view = awaitEnd(otherLeader, again);
    assertThat(view.importedRows()).isEqualTo(1200);
    assertThat(view.skippedRows()).isEqualTo(2);
    assertThat(memberCount(other)).isEqualTo(1200);
  }

  /** Name words made of letters only, different for each number (names take no digits). */
  private static final class NameWords {
    static String of(int n) {
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        word.append((char) ('a' + n % 26));
        n /= 26;
      }
      return word.toString();
    }
  }

  private long count(String sql, UUID org) {
    return jdbc.sql(sql).param("o", org).query(Long.class).single();
  }

  @Test
  void anXlsxFileImportsLikeACsv() throws Exception {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(out, "test", "1.0")) {
      var sheet = workbook.newWorksheet("Members");
      String[] header = {"నాম", "Name", "Gender", "Year of birth", "District", "Phone"};
      for (int c = 0; c < header.length; c++) {
        sheet.value(0, c, header[c]);
      }
      sheet.value(1, 1, "Parvati");
      sheet.value(1, 2, "FEMALE");
      sheet.value(1, 3, 1980);
      sheet.value(1, 4, "Nadia");
      sheet.value(1, 5, 9830000001L);
      sheet.finish();
    }
    var view = importAll(leader, out.toByteArray());
    assertThat(view.status()).isEqualTo("DONE");
    assertThat(view.importedRows()).isEqualTo(1);
    assertThat(members.search(leader, "9830000001", null, 0, 10)).hasSize(1);
  }

  @Test
  void brokenFilesGetAClearOutcomeAndSaveNothing() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    assertThat(refusal(leader, new byte[0])).isEqualTo("import.file.empty");
    byte[] latin1 = "Name,Gender\nRékha,F\n".getBytes(Charset.forName("ISO-8859-1"));
    assertThat(refusal(leader, latin1)).isEqualTo("import.file.encoding");
    assertThat(refusal(leader, "Name,Gender\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("import.file.noRows");
    assertThat(
            refusal(
                leader,
                "PK\u0003\u0004not really a workbook".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo("import.file.brokenXlsx");

    UUID id = upload(leader, "Naam,Jila\nLakshmi,Guntur\n".getBytes(StandardCharsets.UTF_8));
    assertThat(imports.validate(leader, id, imports.get(leader, id).mapping()))
        .contains(
            ImportMapping.Field.NAME, ImportMapping.Field.GENDER, ImportMapping.Field.DISTRICT);
    assertThat(memberCount(collective)).isZero();
  }

  @Test
  void aHundredThousandRowsAreCheckedButOneMoreIsRefused() {
    var collective = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(collective, Role.LEADER).actor();
    StringBuilder csv = new StringBuilder("Name,Gender,Age,District\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append("Member ").append(i).append(",F,").append(20 + i % 50).append(",Guntur\n");
    }
    UUID id = upload(leader, csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(imports.get(leader, id).totalRows()).isEqualTo(100_000);
    imports.validate(leader, id, imports.get(leader, id).mapping());
    assertThat(imports.get(leader, id).validRows()).isEqualTo(100_000);

    csv.append("One too many,F,30,Guntur\n");
    assertThat(refusal(leader, csv.toString().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("import.file.tooManyRows");
  }

  @Test
  void anotherCollectiveCannotSeeOrRunTheImport() {
    var ours = fixtures.organisation(OrganisationKind.COLLECTIVE);
    Actor leader = fixtures.user(ours, Role.LEADER).actor();
    UUID id = upload(leader, CSV.getBytes(StandardCharsets.UTF_8));
    Actor stranger =
        fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.ORG_ADMIN).actor();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.get(stranger, id))
        .isInstanceOf(org.sahay.platform.NotFoundException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.run(stranger, id, false))
        .isInstanceOf(org.sahay.platform.NotFoundException.class);
  }

  private MemberImports.View importAll(Actor actor, byte[] file) throws InterruptedException {
    UUID id = upload(actor, file);
    imports.validate(actor, id, imports.get(actor, id).mapping());
    assertThat(imports.run(actor, id, false)).isTrue();
    return awaitEnd(actor, id);
  }

  private MemberImports.View awaitEnd(Actor actor, UUID id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var view = imports.get(actor, id);
      if (List.of("DONE", "FAILED").contains(view.status())) {
        return view;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import did not end");
  }

  private UUID upload(Actor actor, byte[] file) {
    var outcome = imports.upload(actor, "members.csv", file);
    assertThat(outcome).isInstanceOf(MemberImports.Upload.Accepted.class);
    return ((MemberImports.Upload.Accepted) outcome).id();
  }

  private String refusal(Actor actor, byte[] file) {
    var outcome = imports.upload(actor, "members.csv", file);
    assertThat(outcome).isInstanceOf(MemberImports.Upload.Refused.class);
    return ((MemberImports.Upload.Refused) outcome).messageKey();
  }

  private long memberCount(Organisation collective) {
    return jdbc.sql("select count(*) from member where organisation_id = :o")
        .param("o", collective.id().value())
        .query(Long.class)
        .single();
  }
}
