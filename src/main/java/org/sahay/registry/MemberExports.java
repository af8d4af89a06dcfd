package org.sahay.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.TableWriter;
import org.sahay.registry.internal.MemberExportStore;
import org.sahay.registry.internal.MemberRow;
import org.sahay.registry.internal.MemberStore;
import org.sahay.registry.internal.SensitiveProfiles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports of the members of the user's own collective as CSV or XLSX. Every export states who made
 * it, when and why, and is in the audit log before its first byte leaves. Confidential columns only
 * for users with the sensitive-data permission who ask for them. Rows are read and written page by
 * page, each page in a short read-only transaction, so that neither memory nor a database
 * connection is held for the length of a slow download.
 */
@Service
public class MemberExports {

  /** The file formats an export can have. */
  public enum Format {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public String contentType() {
      return contentType;
    }

    public String extension() {
      return extension;
    }

    /** "csv" or "xlsx" in any case; empty for anything else. */
    public static Optional<Format> parse(String text) {
      return Stream.of(values())
          .filter(f -> text != null && f.extension.equalsIgnoreCase(text.strip()))
          .findFirst();
    }
  }

  /** What somebody asked for, unchecked. */
  public record Request(String format, boolean sensitive, String reason) {}

  /**
   * A checked, audited export about to be written: enough to name the file and say who, when and
   * why. {@code rows} is the number of members counted as the export began.
   */
  public record Export(
      String fileName,
      Format format,
      boolean sensitive,
      String exportedBy,
      Instant at,
      String reason,
      long rows) {

    /** Who, when and why on one line that is safe in an HTTP header (values percent-encoded). */
    public String statement() {
      return "exported-by="
          + encoded(exportedBy)
          + "; at="
          + at
          + "; reason="
          + encoded(reason)
          + "; confidential-columns="
          + (sensitive ? "yes" : "no")
          + "; rows="
          + rows;
    }
  }

  /** Where the file goes; opened only once the export is checked and in the audit log. */
  @FunctionalInterface
  public interface Destination {
    OutputStream open(Export export) throws IOException;
  }

  /** The outcome of an export. */
  public sealed interface Outcome {
    record Written(Export export) implements Outcome {}

    /** Field name to message key for each wrong field; nothing was written. */
    record Invalid(Map<String, String> errors) implements Outcome {}
  }

  public static final int MAX_REASON = 200;
  private static final int PAGE = 500;
  private static final int REASON_IN_AUDIT = 100;
  private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

  // Column names are part of the file format that programs read: never translated.
  private static final List<String> COLUMNS =
      List.of(
          "code",
          "name",
          "alias",
          "gender",
          "birth_year",
          "phone",
          "district",
          "block",
          "village",
          "status",
          "joined_on",
          "documents",
          "consents");
  private static final List<String> CONFIDENTIAL_COLUMNS =
      List.of(
          "occupation",
          "sex_work",
          "trafficking_survivor",
          "hiv_status",
          "on_art",
          "health_conditions",
          "lgbtq",
          "notes");

  private final MemberStore store;
  private final MemberExportStore exportStore;
  private final SensitiveProfiles sensitive;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Organisations organisations;
  private final Clock clock;
  private final TransactionTemplate readOnly;

  MemberExports(
      MemberStore store,
      MemberExportStore exportStore,
      SensitiveProfiles sensitive,
      AccessPolicy policy,
      AuditLog audit,
      Organisations organisations,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.exportStore = exportStore;
    this.sensitive = sensitive;
    this.policy = policy;
    this.audit = audit;
    this.organisations = organisations;
    this.clock = clock;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /**
   * Checks the request, records it in the audit log, opens the destination and streams the members
   * of the actor's collective into it. Not transactional on purpose: the audit entry commits before
   * any member data leaves, even when the download is broken off halfway.
   *
   * @throws NotFoundException for users without an organisation
   * @throws AccessDeniedException without the permission to read members, or to read confidential
   *     columns when they are asked for
   */
  public Outcome export(Actor by, Request request, Destination destination) throws IOException {
    Organisation collective = ownCollective(by);
    if (request.sensitive()) {
      policy.require(by, AccessAction.SENSITIVE_READ, collective.id());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Format> format = Format.parse(request.format());
    if (format.isEmpty()) {
      errors.put("format", "export.format.invalid");
    }
    String reason = reason(request.reason());
    if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
      errors.put("reason", "export.reason.required");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    Instant now = clock.instant();
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime asOf = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    long rows = exportStore.countForExport(collective.id(), asOf);
    Export export =
        new Export(
            "members-"
                + collective.shortCode().value()
                + "-"
                + FILE_DATE.format(at.atZone(collective.timeZone()))
                + "."
                + format.get().extension(),
            format.get(),
            request.sensitive(),
            by.username(),
            at,
            reason,
            rows);
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective.id(),
            "MEMBERS_EXPORTED",
            "organisation",
            collective.id().toString(),
            summary(export)));
    try (TableWriter writer = writer(export, collective, destination.open(export))) {
      stream(collective, asOf, request.sensitive(), writer);
    }
    return new Outcome.Written(export);
  }

  private void stream(
      Organisation collective, OffsetDateTime asOf, boolean withSensitive, TableWriter writer)
      throws IOException {
    String after = "";
    while (true) {
      String last = after;
      List<List<Object>> page = readOnly.execute(s -> page(collective, asOf, last, withSensitive));
      for (List<Object> row : page) {
        writer.row(row);
      }
      if (page.size() < PAGE) {
        return;
      }
      after = (String) page.get(page.size() - 1).get(0);
    }
  }

  private static String summary(Export export) {
    return export.format()
        + ", "
        + export.rows()
        + " rows, "
        + (export.sensitive() ? "confidential columns included" : "without confidential columns")
        + ", reason: "
        + truncated(export.reason(), REASON_IN_AUDIT);
  }

  private Organisation ownCollective(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, by.organisation());
    Organisation organisation =
        organisations.find(by.organisation()).orElseThrow(NotFoundException::new);
    if (organisation.kind() != OrganisationKind.COLLECTIVE) {
      throw new AccessDeniedException("members belong to collectives");
    }
    return organisation;
  }

  private static TableWriter writer(Export export, Organisation collective, OutputStream out)
      throws IOException {
    List<String> header = new ArrayList<>(COLUMNS);
    if (export.sensitive()) {
      header.addAll(CONFIDENTIAL_COLUMNS);
    }
    if (export.format() == Format.CSV) {
      return TableWriter.csv(out, header);
    }
    Map<String, String> about = new LinkedHashMap<>();
    about.put("Exported by", export.exportedBy());
    about.put("Exported at (UTC)", export.at().toString());
    about.put("Reason", export.reason());
    about.put("Collective", collective.shortCode().value());
    about.put("Members", Long.toString(export.rows()));
    about.put("Confidential columns", export.sensitive() ? "included" : "not included");
    return TableWriter.xlsx(out, "Members", header, about);
  }

  private List<List<Object>> page(
      Organisation collective, OffsetDateTime asOf, String after, boolean withSensitive) {
    List<MemberRow> members = exportStore.pageForExport(collective.id(), asOf, after, PAGE);
    List<MemberId> ids = members.stream().map(MemberRow::id).toList();
    var documents = store.documentsOf(collective.id(), ids);
    var consents = exportStore.consentsOf(collective.id(), ids);
    List<List<Object>> rows = new ArrayList<>(members.size());
    for (MemberRow m : members) {
      List<Object> row = new ArrayList<>(COLUMNS.size() + CONFIDENTIAL_COLUMNS.size());
      row.add(m.code());
      row.add(m.name());
      row.add(m.alias());
      row.add(m.gender().name());
      row.add(
          m.birthYear() != null
              ? m.birthYear()
              : m.dateOfBirth() == null ? null : m.dateOfBirth().getYear());
      row.add(m.phone());
      row.add(m.district());
      row.add(m.block());
      row.add(m.village());
      row.add(m.status().name());
      row.add(m.joinedOn() == null ? null : m.joinedOn().toString());
      row.add(documents(documents.getOrDefault(m.id(), List.of())));
      row.add(consents(consents.getOrDefault(m.id(), Map.of())));
      if (withSensitive) {
        addSensitive(row, sensitive.open(m.id(), m.sensitive()));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void addSensitive(List<Object> row, SensitiveProfile p) {
    if (p == null) {
      p = new SensitiveProfile(null, null, null, null, null, null, null, null);
    }
    row.add(p.occupation());
    row.add(yesNo(p.sexWork()));
    row.add(yesNo(p.traffickingSurvivor()));
    row.add(p.hivStatus());
    row.add(yesNo(p.onArt()));
    row.add(p.healthConditions());
    row.add(yesNo(p.lgbtq()));
    row.add(p.notes());
  }

  /** "AADHAAR:HAVE 1234; RATION_CARD:HAVE AAY; BANK_ACCOUNT:HAVE 5678 SBI JAN_DHAN". */
  static String documents(List<Member.Document> documents) {
    return documents.stream()
        .map(
            d ->
                Stream.of(
                        d.type().name() + ":" + d.status().name(),
                        d.number(),
                        d.detail(),
                        Boolean.TRUE.equals(d.janDhan()) ? "JAN_DHAN" : null)
                    .filter(part -> part != null && !part.isBlank())
                    .collect(Collectors.joining(" ")))
        .collect(Collectors.joining("; "));
  }

  /** "SHARE_WITH_DISTRICT:GRANTED; PHOTOGRAPHS:WITHDRAWN", in the order of the purposes. */
  static String consents(Map<ConsentPurpose, Boolean> consents) {
    return Stream.of(ConsentPurpose.values())
        .filter(consents::containsKey)
        .map(p -> p.name() + ":" + (consents.get(p) ? "GRANTED" : "WITHDRAWN"))
        .collect(Collectors.joining("; "));
  }

  private static String yesNo(Boolean value) {
    return value == null ? null : value ? "yes" : "no";
  }

  /** Control characters and line breaks become spaces, so a reason stays one line everywhere. */
  private static String reason(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ").strip();
  }

  private static String truncated(String text, int codePoints) {
    if (text.codePointCount(0, text.length()) <= codePoints) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, codePoints));
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
