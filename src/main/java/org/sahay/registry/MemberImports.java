package org.sahay.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Vault;
import org.sahay.registry.internal.ImportFiles;
import org.sahay.registry.internal.ImportMapping;
import org.sahay.registry.internal.ImportStore;
import org.sahay.registry.internal.MemberValidation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports members from CSV or XLSX in steps: upload (the file is checked, counted and kept
 * encrypted), map columns to fields, validate (a report per row and column), then run in the
 * background with progress, either the valid rows only or all or nothing. A row already imported
 * into the collective, from this file or another, is skipped, so re-importing creates nothing
 * twice.
 */
@Service
public class MemberImports {

  /** An upload kept for mapping, or refused with the message key (and arguments) saying why. */
  public sealed interface Upload {
    record Accepted(UUID id) implements Upload {}

    record Refused(String messageKey, Object[] args) implements Upload {}
  }

  /** One problem of the validation report: a row, a column name, and what is wrong. */
  public record Problem(int row, String column, String messageKey, String detail) {
    public Problem(int row, String column, String messageKey) {
      this(row, column, messageKey, null);
    }
  }

  /** An import as its page shows it. */
  public record View(
      UUID id,
      String fileName,
      List<String> headers,
      Map<ImportMapping.Field, Integer> mapping,
      List<ImportMapping.Field> missing,
      String status,
      int totalRows,
      Integer validRows,
      Integer invalidRows,
      int processedRows,
      int importedRows,
      int skippedRows,
      List<Problem> problems,
      String failure,
      boolean importedBefore) {}

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String CONTENT = "import-file";
  private static final int MAX_REPORTED = 500;

  private final ImportStore store;
  private final MemberValidation validation;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Vault vault;
  private final MemberImportRun importRun;
  private final TransactionTemplate tx;
  private final int maxRows;
  private final Today today;
  private final org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicateChecks;
  private final org.sahay.registry.internal.MemberStore members;

  MemberImports(
      ImportStore store,
      MemberValidation validation,
      AccessPolicy policy,
      AuditLog audit,
      Vault vault,
      MemberImportRun importRun,
      PlatformTransactionManager transactions,
      Today today,
      @Value("${sahay.import.max-rows:100000}") int maxRows,
      org.springframework.beans.factory.ObjectProvider<DuplicateCheck> duplicateChecks,
      org.sahay.registry.internal.MemberStore members) {
    this.today = today;
    this.duplicateChecks = duplicateChecks;
    this.members = members;
    this.store = store;
    this.validation = validation;
    this.policy = policy;
    this.audit = audit;
    this.vault = vault;
    this.importRun = importRun;
    this.tx = new TransactionTemplate(transactions);
    this.maxRows = maxRows;
  }

  /** Checks and keeps an uploaded file; returns the import's id or why the file was refused. */
  public Upload upload(Actor by, String fileName, byte[] content) {
    requireWrite(by);
    ImportFiles.Format format = ImportFiles.detect(content);
    ImportFiles.Shape shape;
    try {
      shape = ImportFiles.inspect(format, content, maxRows);
    } catch (ImportFiles.Refused refused) {
      return new Upload.Refused(refused.messageKey(), refused.args());
    }
    UUID id = Ids.newId();
    String name = fileName == null || fileName.isBlank() ? "members" : fileName.strip();
    tx.executeWithoutResult(
        s -> {
          vault.createKey(id, by.organisation());
          store.insert(
              id,
              by.organisation(),
              by.username(),
              name.length() > 200 ? name.substring(0, 200) : name,
              sha256(content),
              format.name(),
              vault.encrypt(id, CONTENT, java.util.Base64.getEncoder().encodeToString(content)),
              JSON.writeValueAsString(shape.headers()),
              shape.rows());
          audit.record(
              new AuditLog.Event(
                  by.username(),
                  by.organisation(),
                  "MEMBER_IMPORT_UPLOADED",
                  "member_import",
                  id.toString(),
                  format + ", " + shape.rows() + " rows"));
        });
    return new Upload.Accepted(id);
  }

  public View get(Actor by, UUID id) {
    ImportStore.ImportRow row = readable(by, id);
    List<String> headers = JSON.readValue(row.headers(), new TypeReference<List<String>>() {});
    Map<ImportMapping.Field, Integer> mapping =
        row.mapping() == null
            ? ImportMapping.guess(headers)
            : MemberImportRun.mapping(row.mapping());
    List<Problem> problems =
        row.report() == null
            ? List.of()
            : JSON.readValue(row.report(), new TypeReference<List<Problem>>() {});
    return new View(
        row.id(),
        row.fileName(),
        headers,
        mapping,
        ImportMapping.missing(mapping),
        row.status(),
        row.totalRows(),
        row.validRows(),
        row.invalidRows(),
        row.processedRows(),
        row.importedRows(),
        row.skippedRows(),
        problems,
        row.failure(),
        store.earlierImportOf(row.organisation(), row.fileSha256(), row.id()).isPresent());
  }

  /** Applies a column mapping and validates every row; returns the missing required fields. */
  public List<ImportMapping.Field> validate(
      Actor by, UUID id, Map<ImportMapping.Field, Integer> mapping) {
    ImportStore.ImportRow row = readable(by, id);
    requireWrite(by);
    List<ImportMapping.Field> missing = ImportMapping.missing(mapping);
    if (!missing.isEmpty()) {
      return missing;
    }
    List<String> headers = JSON.readValue(row.headers(), new TypeReference<List<String>>() {});
    List<Problem> problems = new ArrayList<>();
    int[] counts = {0, 0};
    LocalDate day = today.at(row.organisation());
    int thisYear = day.getYear();
    Map<Integer, MemberRecorded> valid = new java.util.HashMap<>();
    ImportFiles.forEachRow(
        ImportFiles.Format.valueOf(row.format()),
        MemberImportRun.content(vault, row),
        (n, values) -> {
          var checked = validation.check(ImportMapping.input(mapping, values, thisYear), day);
          if (checked.valid()) {
            counts[0]++;
            valid.put(n, checked.member().recorded(null, row.organisation()));
          } else {
            counts[1]++;
            checked
                .errors()
                .forEach(
                    (field, key) -> {
                      if (problems.size() < MAX_REPORTED) {
                        problems.add(new Problem(n, column(field, mapping, headers), key));
                      }
                    });
          }
        });
    problems.addAll(likelySame(row.organisation(), valid, column("name", mapping, headers)));
    problems.sort(java.util.Comparator.comparingInt(Problem::row));
    tx.executeWithoutResult(
        s ->
            store.validated(
                id,
                JSON.writeValueAsString(mapping),
                counts[0],
                counts[1],
                JSON.writeValueAsString(problems)));
    return List.of();
  }

  /**
   * Starts the import in the background. All or nothing runs in one transaction and is refused
   * while any row is invalid; otherwise each valid row is saved on its own.
   */
  public boolean run(Actor by, UUID id, boolean allOrNothing) {
    ImportStore.ImportRow row = readable(by, id);
    requireWrite(by);
    if (!"VALIDATED".equals(row.status())
        || (allOrNothing && row.invalidRows() != null && row.invalidRows() > 0)) {
      return false;
    }
    if (!tx.execute(s -> store.start(id, allOrNothing ? "ALL_OR_NOTHING" : "VALID_ROWS"))) {
      return false;
    }
    importRun.start(by, store.find(id).orElseThrow(), allOrNothing);
    return true;
  }

  /**
   * Rows likely the same person as a member (named by code) or as an earlier row of the file: a
   * warning in the report, read before the import is run; they are still valid.
   */
  private List<Problem> likelySame(
      org.sahay.platform.OrganisationId collective,
      Map<Integer, MemberRecorded> valid,
      String nameColumn) {
    DuplicateCheck check = duplicateChecks.getIfAvailable();
    if (check == null || valid.isEmpty()) {
      return List.of();
    }
    List<DuplicateCheck.InFile> found = check.inFile(collective, valid);
    Map<MemberId, String> codes =
        members.codes(
            collective,
            found.stream().map(DuplicateCheck.InFile::member).filter(m -> m != null).toList());
    List<Problem> problems = new ArrayList<>();
    for (DuplicateCheck.InFile f : found) {
      if (problems.size() >= MAX_REPORTED) {
        break;
      }
      problems.add(
          f.member() != null
              ? new Problem(f.row(), nameColumn, "import.likelySame.member", codes.get(f.member()))
              : new Problem(
                  f.row(), nameColumn, "import.likelySame.row", String.valueOf(f.earlierRow())));
    }
    return problems;
  }

  private ImportStore.ImportRow readable(Actor by, UUID id) {
    ImportStore.ImportRow row = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, RegistryAction.MEMBER_READ, row.organisation());
    return row;
  }

  private void requireWrite(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_WRITE, by.organisation());
  }

  private static String column(
      String field, Map<ImportMapping.Field, Integer> mapping, List<String> headers) {
    ImportMapping.Field source =
        switch (field) {
          case "name" -> ImportMapping.Field.NAME;
          case "alias" -> ImportMapping.Field.ALIAS;
          case "gender" -> ImportMapping.Field.GENDER;
          case "dateOfBirth" -> ImportMapping.Field.DATE_OF_BIRTH;
          case "yearOfBirth" ->
              mapping.containsKey(ImportMapping.Field.YEAR_OF_BIRTH)
                  ? ImportMapping.Field.YEAR_OF_BIRTH
                  : ImportMapping.Field.AGE;
          case "phone" -> ImportMapping.Field.PHONE;
          case "district" -> ImportMapping.Field.DISTRICT;
          case "joinedOn" -> ImportMapping.Field.JOINED_ON;
          case "documents.AADHAAR" -> ImportMapping.Field.AADHAAR_LAST_FOUR;
          case "documents.RATION_CARD" -> ImportMapping.Field.RATION_CARD_TYPE;
          default -> null;
        };
    Integer index = source == null ? null : mapping.get(source);
    return index == null || index >= headers.size() ? field : headers.get(index);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
