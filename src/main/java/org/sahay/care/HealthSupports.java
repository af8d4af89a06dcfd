package org.sahay.care;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.care.internal.HealthSupportStore;
import org.sahay.care.internal.SealedStore;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.sahay.relief.ItemId;
import org.sahay.relief.LocationId;
import org.sahay.relief.Stock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health support (sensitive): medicines, supplementary nutrition, ART adherence support, referrals,
 * support for LGBTQ+ members. For counsellors, admins and users granted {@link CareAction#HEALTH};
 * sealed under the member's key; every read audited. What is given from relief stock is taken from
 * it in the same transaction, so the record and the stock move together.
 */
@Service
public class HealthSupports {

  /** Health support as sent: stock (location, item, quantity) only when given from stock. */
  public record Input(
      String member,
      String kind,
      String givenOn,
      String what,
      String notes,
      LocationId location,
      ItemId item,
      BigDecimal quantity) {}

  /** An open record in the collective's list, with the member's code. */
  public record Line(String code, HealthSupport support) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FIELD = "health-support";

  private final HealthSupportStore store;
  private final CareMembers members;
  private final Stock stock;
  private final Vault vault;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Today today;
  private final AuditedReads<HealthSupport> reads;

  HealthSupports(
      HealthSupportStore store,
      CareMembers members,
      Members registry,
      Stock stock,
      Vault vault,
      AccessPolicy policy,
      AuditLog audit,
      Today today) {
    this.store = store;
    this.members = members;
    this.stock = stock;
    this.vault = vault;
    this.policy = policy;
    this.audit = audit;
    this.today = today;
    this.reads =
        new AuditedReads<>(
            store,
            CareAction.HEALTH,
            "HEALTH_SUPPORT",
            this::open,
            members,
            registry,
            policy,
            audit);
  }

  /** Records health support; stock given is taken in the same transaction, or nothing is saved. */
  @Transactional
  public CareOutcome<HealthSupport> record(Actor by, Input input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.HEALTH);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    HealthSupportKind kind = LoanTerms.kind(HealthSupportKind.class, input.kind(), "kind", errors);
    HealthSupport.Facts facts =
        new HealthSupport.Facts(
            kind,
            CareChecks.date(input.givenOn(), "givenOn", today.at(own), errors),
            CareChecks.text(input.what(), 200, "what", errors),
            CareChecks.text(input.notes(), 2_000, "notes", errors),
            by.username(),
            input.item() == null ? null : input.item().value(),
            input.item() == null ? null : input.quantity());
    boolean fromStock = input.item() != null || input.location() != null;
    if (fromStock && (input.item() == null || input.location() == null)) {
      errors.put("item", "health.stock.both");
    }
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    if (fromStock) {
      var given = stock.issue(by, input.location(), input.item(), input.quantity(), id);
      if (given instanceof Stock.Outcome.Invalid invalid) {
        return new CareOutcome.Invalid<>(invalid.errors());
      }
      if (given instanceof Stock.Outcome.Short) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new CareOutcome.Invalid<>(Map.of("quantity", "health.stock.short"));
      }
    }
    store.insert(
        own,
        id,
        member,
        vault.encrypt(member.value(), FIELD, JSON.writeValueAsString(facts)),
        by.username());
    audit.record(AuditedReads.event(by, own, "HEALTH_SUPPORT_RECORDED", member));
    return new CareOutcome.Saved<>(open(own, store.find(own, id).orElseThrow()));
  }

  @Transactional
  public HealthSupport get(Actor by, UUID id) {
    return reads.get(by, id);
  }

  @Transactional
  public List<HealthSupport> ofMember(Actor by, MemberId member) {
    return reads.ofMember(by, member);
  }

  @Transactional
  public List<Line> open(Actor by) {
    return reads.open(by).stream().map(c -> new Line(c.code(), c.record())).toList();
  }

  @EventListener
  void on(MemberErased erased) {
    store.forgetMember(erased.organisation(), erased.member());
  }

  private HealthSupport open(OrganisationId own, SealedStore.Row row) {
    HealthSupport.Facts f =
        vault
            .decrypt(row.member().value(), FIELD, row.sealed())
            .map(json -> JSON.readValue(json, HealthSupport.Facts.class))
            .orElseThrow(NotFoundException::new);
    return new HealthSupport(
        row.id(),
        row.member(),
        f.kind(),
        f.givenOn(),
        f.what(),
        f.notes(),
        f.givenBy(),
        f.item(),
        f.quantity(),
        List.of(),
        row.open(),
        row.version());
  }
}
