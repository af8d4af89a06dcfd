package org.sahay.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.funds.ExpenseCategory;
import org.sahay.platform.Ids;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.sahay.relief.ItemId;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.support.internal.SupportStore;
import org.springframework.stereotype.Component;

/**
 * The checks a budget line and the text of a request pass, whether they arrive with a new request
 * or one by one while a draft is edited; and how recipients show to readers: codes, never names.
 */
@Component
class LineChecks {

  static final int MAX_LINES = 50;
  private static final int MAX_RECIPIENTS = 500;
  private static final int MAX_QUANTITY = 1_000_000;

  private final Members members;
  private final Households households;
  private final ReliefCatalogue catalogue;

  LineChecks(Members members, Households households, ReliefCatalogue catalogue) {
    this.members = members;
    this.households = households;
    this.catalogue = catalogue;
  }

  /** The line as stored, or null with the errors under {@code prefix}. */
  SupportStore.Line line(
      OrganisationId collective,
      SupportRequestId request,
      SupportLineId id,
      int number,
      SupportInputs.Line l,
      String prefix,
      Map<String, String> errors) {
    ExpenseCategory category = null;
    try {
      category = ExpenseCategory.valueOf(String.valueOf(l.category()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.put(prefix + "category", "support.line.category.invalid");
    }
    String description = text(l.description(), 300, prefix + "description", true, errors);
    Integer quantity = l.quantity();
    if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
      errors.put(prefix + "quantity", "support.quantity.invalid");
    }
    boolean goods = l.itemId() != null && !l.itemId().isBlank();
    ItemId item = goods ? goods(collective, l, prefix, errors) : null;
    Money amount;
    if (goods) {
      amount = Money.ZERO;
    } else {
      amount = amount(l.amountPaise(), l.amount(), prefix + "amount", errors);
      if (amount != null && amount.isZero()) {
        errors.put(prefix + "amount", "support.amount.invalid");
        amount = null;
      }
    }
    List<Beneficiary> recipients = recipients(collective, l, prefix, errors);
    if (category == null
        || description == null
        || amount == null
        || recipients == null
        || errors.containsKey(prefix + "quantity")
        || errors.containsKey(prefix + "itemId")
        || errors.containsKey(prefix + "amount")
        || errors.containsKey(prefix + "instalmentsAllowed")) {
      return null;
    }
    return new SupportStore.Line(
        id == null ? new SupportLineId(Ids.newId()) : id,
        request,
        number,
        category.name(),
        description,
        amount.paise(),
        quantity,
        Boolean.TRUE.equals(l.instalmentsAllowed()),
        null,
        null,
        0,
        recipients,
        item,
        null,
        0);
  }

  /**
   * The item of the collective's relief catalogue a goods line asks for, in a quantity and with no
   * money or instalments; null (with errors) when it is none of the collective's items.
   */
  private ItemId goods(
      OrganisationId collective, SupportInputs.Line l, String prefix, Map<String, String> errors) {
    ItemId item;
    try {
      item =
          catalogue
              .itemOf(collective, ItemId.of(l.itemId().strip()))
              .map(found -> found.id())
              .orElse(null);
    } catch (IllegalArgumentException e) {
      item = null;
    }
    if (item == null) {
      errors.put(prefix + "itemId", "support.line.item.unknown");
    }
    if (l.quantity() == null) {
      errors.putIfAbsent(prefix + "quantity", "support.quantity.goods");
    }
    if (l.amountPaise() != null || (l.amount() != null && !l.amount().isBlank())) {
      errors.put(prefix + "amount", "support.amount.notForGoods");
    }
    if (Boolean.TRUE.equals(l.instalmentsAllowed())) {
      errors.put(prefix + "instalmentsAllowed", "support.amount.notForGoods");
    }
    return item;
  }

  /**
   * Member codes for members, HH: and the code of its head for households; an erased person shows
   * as erased. Never a name.
   */
  List<String> codes(OrganisationId collective, List<Beneficiary> recipients) {
    List<MemberId> memberIds = new ArrayList<>();
    List<HouseholdId> householdIds = new ArrayList<>();
    for (Beneficiary x : recipients) {
      x.memberId().ifPresent(memberIds::add);
      x.householdId().ifPresent(householdIds::add);
    }
    Map<MemberId, String> codes = members.codes(collective, memberIds);
    Map<HouseholdId, String> heads = households.codes(collective, householdIds);
    return recipients.stream()
        .map(
            x -> {
              if (x instanceof Beneficiary.Member m) {
                return codes.getOrDefault(m.id(), "erased");
              }
              if (x instanceof Beneficiary.Household h && heads.containsKey(h.id())) {
                return "HH:" + heads.get(h.id());
              }
              return "erased";
            })
        .toList();
  }

  private List<Beneficiary> recipients(
      OrganisationId collective,
      SupportInputs.Line line,
      String prefix,
      Map<String, String> errors) {
    List<Beneficiary> found = new ArrayList<>();
    List<MemberId> memberIds = new ArrayList<>();
    List<HouseholdId> householdIds = new ArrayList<>();
    try {
      for (String m : line.memberIds() == null ? List.<String>of() : line.memberIds()) {
        memberIds.add(MemberId.of(m));
      }
      for (String h : line.householdIds() == null ? List.<String>of() : line.householdIds()) {
        householdIds.add(HouseholdId.of(h));
      }
    } catch (IllegalArgumentException e) {
      errors.put(prefix + "recipients", "support.recipient.invalid");
      return null;
    }
    // Asked of the collective's own register, so another collective's member or a random id is
    // simply not there: the same refusal for both, and nothing thrown that would doom the
    // transaction.
    Map<MemberId, String> ours = members.codes(collective, memberIds);
    Map<HouseholdId, String> ourHouseholds = households.codes(collective, householdIds);
    if (!ours.keySet().containsAll(memberIds)
        || !ourHouseholds.keySet().containsAll(householdIds)) {
      errors.put(prefix + "recipients", "support.recipient.invalid");
      return null;
    }
    memberIds.forEach(id -> found.add(Beneficiary.member(id)));
    householdIds.forEach(id -> found.add(Beneficiary.household(id)));
    List<Beneficiary> distinct = List.copyOf(new LinkedHashSet<>(found));
    if (distinct.isEmpty() || distinct.size() > MAX_RECIPIENTS) {
      errors.put(prefix + "recipients", "support.recipients.count");
      return null;
    }
    return distinct;
  }

  static String text(
      String value, int max, String field, boolean required, Map<String, String> errors) {
    String text = value == null ? null : value.strip();
    if (text == null || text.isEmpty()) {
      if (required) {
        errors.put(field, "support.field.required");
      }
      return null;
    }
    if (text.length() > max) {
      errors.put(field, "support.field.tooLong");
      return null;
    }
    return text;
  }

  static Money amount(Long paise, String typed, String field, Map<String, String> errors) {
    try {
      Money amount =
          paise != null
              ? Money.ofPaise(paise)
              : typed == null || typed.isBlank() ? null : Money.parse(typed);
      if (amount == null || amount.isNegative()) {
        errors.put(field, "support.amount.invalid");
        return null;
      }
      return amount;
    } catch (RuntimeException e) {
      errors.put(field, "support.amount.invalid");
      return null;
    }
  }
}
