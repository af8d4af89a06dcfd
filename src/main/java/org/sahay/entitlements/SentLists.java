package org.sahay.entitlements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.entitlements.internal.EntitlementStore;
import org.sahay.entitlements.internal.ListStore;
import org.sahay.organisations.Today;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.TableWriter;
import org.sahay.platform.Vault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Lists once sent: their rows opened (every reading audited), as CSV, XLSX or an XLSX locked with a
 * password; and what the office does with them: acknowledge a list, record whom it supplied (which,
 * for a scheme's list, grants the person's standing with the scheme).
 */
@Service
public class SentLists {

  /** A list's rows as sent, opened: the headings and each row (its cells null once erased). */
  public record Opened(BeneficiaryList list, ListTemplate template, List<Line> rows) {}

  /** One row as sent, and whether the office supplied the person. */
  public record Line(
      int position, List<String> cells, OffsetDateTime suppliedAt, String suppliedBy) {}

  /** The rows as sent; reading them is audited. */
  @Transactional
  public Opened open(Actor by, BeneficiaryListId id) {
    BeneficiaryList list = lists.get(by, id);
    ListTemplate template = store.template(list.template()).orElseThrow();
    List<Line> rows = new ArrayList<>();
    for (ListStore.Row row : store.rows(list.organisation(), id)) {
      Optional<String> cells =
          row.sealed() == null
              ? Optional.empty()
              : vault.decrypt(row.member().value(), BeneficiaryLists.FIELD, row.sealed());
      rows.add(
          new Line(
              row.position(),
              cells
                  .map(
                      json ->
                          BeneficiaryLists.JSON.readValue(
                              json, new TypeReference<List<String>>() {}))
                  .orElse(null),
              row.suppliedAt(),
              row.suppliedBy()));
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            list.organisation(),
            "DISTRICT_LIST_READ",
            "beneficiary_list",
            id.toString(),
            rows.size() + " rows"));
    return new Opened(list, template, rows);
  }

  /** The list as a file: CSV or XLSX, in the template's columns and headings. */
  @Transactional
  public byte[] export(Actor by, BeneficiaryListId id, String format) {
    Opened opened = open(by, id);
    var out = new ByteArrayOutputStream();
    List<String> headings = opened.template().headings();
    try (TableWriter writer =
        "xlsx".equals(format)
            ? TableWriter.xlsx(out, "List", headings, Map.of())
            : TableWriter.csv(out, headings)) {
      for (Line row : opened.rows()) {
        if (row.cells() != null) {
          writer.row(row.cells());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The list as an XLSX file locked with a new password, which is returned once and not kept. */
  public record Locked(byte[] file, String password) {}

  /**
   * The list locked with {@code password} (one this module made and showed: at least 12
   * characters), or with a new one when none is given; a shorter one is refused.
   */
  @Transactional
  public Locked exportLocked(Actor by, BeneficiaryListId id, String password) {
    if (password != null && password.length() < 12) {
      throw new IllegalArgumentException("too short a password");
    }
    String key = password == null ? ProtectedFiles.password() : password;
    return new Locked(ProtectedFiles.lock(export(by, id, "xlsx"), key), key);
  }

  /** A new password for a locked export, made where it is shown. */
  public String newPassword() {
    return ProtectedFiles.password();
  }

  /** The office's liaison acknowledges the list. */
  @Transactional
  public void acknowledge(Actor by, BeneficiaryListId id) {
    BeneficiaryList list = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, EntitlementAction.DISTRICT_LIST_RECEIVE, list.office());
    store.acknowledge(list.office(), id, by.username());
  }

  /**
   * The office records that it supplied a person on the list; for a list made for a scheme, her
   * standing with it becomes granted. Recording it twice changes nothing.
   */
  @Transactional
  public boolean supplied(Actor by, BeneficiaryListId id, int position) {
    BeneficiaryList list = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, EntitlementAction.DISTRICT_LIST_RECEIVE, list.office());
    ListStore.Row row =
        store.row(list.organisation(), id, position).orElseThrow(NotFoundException::new);
    if (!store.supplied(list.organisation(), id, position, by.username())) {
      return false;
    }
    if (row.entitlement() != null) {
      standings
          .byId(list.organisation(), row.entitlement())
          .filter(e -> e.status() != EntitlementStatus.GRANTED)
          .ifPresent(
              e ->
                  standings.update(
                      list.organisation(),
                      e.id(),
                      e.version(),
                      EntitlementStatus.GRANTED,
                      today.at(list.organisation()),
                      by.username()));
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            list.organisation(),
            "DISTRICT_LIST_SUPPLIED",
            "beneficiary_list",
            id.toString(),
            "row " + position));
    return true;
  }

  private final BeneficiaryLists lists;
  private final ListStore store;
  private final EntitlementStore standings;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;

  SentLists(
      BeneficiaryLists lists,
      ListStore store,
      EntitlementStore standings,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.lists = lists;
    this.store = store;
    this.standings = standings;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
  }
}
