package org.sahay.entitlements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.entitlements.internal.DriveStore;
import org.sahay.entitlements.internal.EntitlementStore;
import org.sahay.entitlements.internal.ListStore;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.DistrictSharing;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Beneficiary lists for district offices. A list is made from a selection (members without a
 * document, a drive's members, codes) with a template, for an office the collective works with.
 * Only members whose consent to share with a district administration holds are in it; those left
 * out are counted and named inside the collective. It is frozen as sent: each row's cells are
 * sealed under the member's own key, so later edits do not change it, a withdrawn consent does not
 * rewrite it, and erasing the member leaves her row unreadable. The office's liaison reads only the
 * lists sent to the office.
 */
@Service
public class BeneficiaryLists {

  /** A list to make: template, office, title, the selection, and the scheme it is for, if any. */
  public record Input(
      String template,
      String office,
      String title,
      String without,
      String openNeed,
      String drive,
      List<String> codes,
      String scheme) {}

  /** A list as made: the log entry, and the members left out for lack of consent. */
  public record Made(BeneficiaryList list, List<DistrictSharing.LeftOut> leftOut) {}

  static final String FIELD = "district-list-row";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final ListStore store;
  private final EntitlementStore standings;
  private final Entitlements entitlements;
  private final DriveStore drives;
  private final MemberPicks picks;
  private final DistrictSharing sharing;
  private final Organisations organisations;
  private final Schemes schemes;
  private final Vault vault;
  private final MessageSource messages;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;
  private final java.time.Clock clock;

  BeneficiaryLists(
      ListStore store,
      EntitlementStore standings,
      Entitlements entitlements,
      DriveStore drives,
      MemberPicks picks,
      DistrictSharing sharing,
      Organisations organisations,
      Schemes schemes,
      Vault vault,
      MessageSource messages,
      AccessPolicy policy,
      AuditLog audit,
      Today today,
      java.time.Clock clock) {
    this.store = store;
    this.standings = standings;
    this.entitlements = entitlements;
    this.drives = drives;
    this.picks = picks;
    this.sharing = sharing;
    this.organisations = organisations;
    this.schemes = schemes;
    this.vault = vault;
    this.messages = messages;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
    this.clock = clock;
  }

  /** The lists the actor's collective sent, or its office received. */
  @Transactional(readOnly = true)
  public List<BeneficiaryList> lists(Actor by) {
    OrganisationId own = by.organisation();
    if (own != null && policy.permits(by, EntitlementAction.DISTRICT_LIST_RECEIVE, own)) {
      return store.lists("office", own);
    }
    return store.lists("organisation", own(by, EntitlementAction.DISTRICT_LIST_SEND));
  }

  /** One list, for the collective that sent it or the office that received it. */
  @Transactional(readOnly = true)
  public BeneficiaryList get(Actor by, BeneficiaryListId id) {
    BeneficiaryList list = store.find(id).orElseThrow(NotFoundException::new);
    readable(by, list);
    return list;
  }

  /** Makes a list and sends it (logs it as sent to the office). */
  @Transactional
  public EntitlementOutcome<Made> make(Actor by, Input input) {
    OrganisationId own = own(by, EntitlementAction.DISTRICT_LIST_SEND);
    Map<String, String> errors = new LinkedHashMap<>();
    ListTemplate template = template(by, input.template(), own).orElse(null);
    if (template == null) {
      errors.put("template", "list.template.unknown");
    }
    OrganisationId office = office(input.office(), own).orElse(null);
    if (office == null) {
      errors.put("office", "list.office.unknown");
    }
    String title = input.title() == null ? "" : input.title().strip();
    if (title.isEmpty() || title.length() > 160) {
      errors.put("title", "list.title.required");
    }
    SchemeId scheme = scheme(by, input.scheme(), errors);
    Set<MemberId> picked = picks.pick(by, input.without(), input.openNeed(), input.codes(), errors);
    String selection = selection(input, own, picked, errors);
    if (picked.isEmpty() && !errors.containsKey("codes") && !errors.containsKey("drive")) {
      errors.put("codes", "list.selection.empty");
    }
    if (!errors.isEmpty()) {
      return new EntitlementOutcome.Invalid<>(errors);
    }
    DistrictSharing.Split split = sharing.forDistrict(by, List.copyOf(picked));
    OffsetDateTime now = OffsetDateTime.now(clock);
    BeneficiaryList list =
        new BeneficiaryList(
            BeneficiaryListId.newId(),
            own,
            office,
            template.id(),
            title,
            selection,
            scheme,
            split.shared().size(),
            split.leftOut().size(),
            by.username(),
            now,
            null,
            null);
    store.insert(list);
    freeze(by, list, template, split.shared());
    split.leftOut().forEach(m -> store.leftOut(list.id(), own, m.id()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            "DISTRICT_LIST_SENT",
            "beneficiary_list",
            list.id().toString(),
            list.rows() + " rows, " + list.leftOut() + " left out for consent"));
    return new EntitlementOutcome.Saved<>(new Made(list, split.leftOut()));
  }

  /** Seals each row's cells, as the template renders them today, under the member's key. */
  private void freeze(
      Actor by, BeneficiaryList list, ListTemplate template, List<DistrictSharing.Shared> shared) {
    LocalDate day = today.at(list.organisation());
    int position = 1;
    for (DistrictSharing.Shared member : shared) {
      List<String> cells = ListCells.of(template, member, position, day, messages);
      store.row(
          list.id(),
          list.organisation(),
          position,
          member.id(),
          vault.encrypt(member.id().value(), FIELD, JSON.writeValueAsString(cells)),
          list.scheme() == null ? null : applied(by, member.id(), list.scheme()));
      position++;
    }
  }

  /**
   * A list made for a scheme is an application for everyone on it: a member (or household) with
   * nothing recorded yet, or only eligibility, is recorded as applied; the row keeps that standing
   * so that what the office supplies is recorded on it.
   */
  private EntitlementId applied(Actor by, MemberId member, SchemeId scheme) {
    Standing standing =
        entitlements.standings(by, member, s -> s.id().equals(scheme)).stream()
            .findFirst()
            .orElse(null);
    if (standing == null) {
      return null;
    }
    Entitlement current = standing.entitlement();
    if (current == null
        || current.status() == EntitlementStatus.ELIGIBLE
        || current.status() == EntitlementStatus.DOCUMENTS_MISSING) {
      var outcome =
          entitlements.record(
              by,
              member,
              new Entitlements.Change(
                  scheme.toString(),
                  EntitlementStatus.APPLIED.name(),
                  null,
                  current == null ? null : current.version()));
      if (outcome instanceof EntitlementOutcome.Saved<Entitlement> saved) {
        return saved.value().id();
      }
    }
    return current == null ? null : current.id();
  }

  /** The members left out of a list for lack of consent, for the collective only. */
  @Transactional(readOnly = true)
  public List<DistrictSharing.LeftOut> leftOut(Actor by, BeneficiaryListId id) {
    BeneficiaryList list = store.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, EntitlementAction.DISTRICT_LIST_SEND, list.organisation());
    return sharing.named(by, store.leftOutOf(list.organisation(), id));
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private void readable(Actor by, BeneficiaryList list) {
    OrganisationId own = by.organisation();
    if (own != null && own.equals(list.office())) {
      policy.require(by, EntitlementAction.DISTRICT_LIST_RECEIVE, list.office());
    } else {
      policy.require(by, EntitlementAction.DISTRICT_LIST_SEND, list.organisation());
    }
  }

  private Optional<ListTemplate> template(Actor by, String text, OrganisationId own) {
    try {
      return store
          .template(ListTemplateId.of(String.valueOf(text).strip()))
          .filter(t -> t.organisation() == null || t.organisation().equals(own));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An office the collective works with (linked to it), else none. */
  private Optional<OrganisationId> office(String text, OrganisationId own) {
    try {
      OrganisationId office = OrganisationId.of(String.valueOf(text).strip());
      return organisations.linkedTo(own, LinkKind.LIAISES_WITH).stream()
          .map(o -> o.id())
          .filter(office::equals)
          .findFirst();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private SchemeId scheme(Actor by, String text, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Optional<Scheme> scheme;
    try {
      scheme = schemes.find(by, SchemeId.of(text.strip()));
    } catch (IllegalArgumentException e) {
      scheme = Optional.empty();
    }
    if (scheme.isEmpty()) {
      errors.put("scheme", "entitlement.scheme.unknown");
      return null;
    }
    return scheme.get().id();
  }

  /** How the members were picked, in words for the log; a drive's members are added. */
  private String selection(
      Input input, OrganisationId own, Set<MemberId> picked, Map<String, String> errors) {
    List<String> parts = new ArrayList<>();
    if (input.without() != null && !input.without().isBlank()) {
      parts.add("without " + input.without().strip().toUpperCase(Locale.ROOT));
    }
    if (input.openNeed() != null && !input.openNeed().isBlank()) {
      parts.add("open need " + input.openNeed().strip().toUpperCase(Locale.ROOT));
    }
    if (input.drive() != null && !input.drive().isBlank()) {
      try {
        DriveId drive = DriveId.of(input.drive().strip());
        drives.find(own, drive).orElseThrow(IllegalArgumentException::new);
        picked.addAll(drives.members(own, drive));
        parts.add("drive " + drive);
      } catch (IllegalArgumentException e) {
        errors.put("drive", "list.drive.unknown");
      }
    }
    if (input.codes() != null && input.codes().stream().anyMatch(c -> !c.isBlank())) {
      parts.add("codes");
    }
    return String.join(", ", parts);
  }

  private OrganisationId own(Actor by, EntitlementAction action) {
    return Checks.own(policy, by, action);
  }

  static DateTimeFormatter dates(ListTemplate template) {
    return DateTimeFormatter.ofPattern(template.dateFormat(), Locale.ROOT);
  }
}
