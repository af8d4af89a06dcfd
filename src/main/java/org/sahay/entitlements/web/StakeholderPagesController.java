package org.sahay.entitlements.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.EngagementId;
import org.sahay.entitlements.EngagementKind;
import org.sahay.entitlements.EntitlementAction;
import org.sahay.entitlements.EntitlementOutcome;
import org.sahay.entitlements.Stakeholder;
import org.sahay.entitlements.StakeholderId;
import org.sahay.entitlements.StakeholderKind;
import org.sahay.entitlements.Stakeholders;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.relief.Item;
import org.sahay.relief.ItemId;
import org.sahay.relief.ReliefAction;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Stock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The advocacy log on pages: follow-ups due first, the stakeholders, a form to add one; a
 * stakeholder's page with its contact people and engagements and forms to add each (an engagement
 * may name one of the collective's latest stock receipts as what it brought in).
 */
@Controller
class StakeholderPagesController {

  private final Stakeholders stakeholders;
  private final Stock stock;
  private final ReliefCatalogue catalogue;
  private final AccessPolicy policy;
  private final Today today;

  StakeholderPagesController(
      Stakeholders stakeholders,
      Stock stock,
      ReliefCatalogue catalogue,
      AccessPolicy policy,
      Today today) {
    this.stakeholders = stakeholders;
    this.stock = stock;
    this.catalogue = catalogue;
    this.policy = policy;
    this.today = today;
  }

  @GetMapping("/entitlements/stakeholders")
  String log(Actor actor, Model model) {
    return log(actor, model, FormState.empty());
  }

  @PostMapping("/entitlements/stakeholders")
  String create(Actor actor, Stakeholders.Input form, Model model, RedirectAttributes redirect) {
    var outcome = stakeholders.create(actor, form);
    if (outcome instanceof EntitlementOutcome.Saved<Stakeholder> saved) {
      return "redirect:/entitlements/stakeholders/" + saved.value().id();
    }
    return log(
        actor,
        model,
        FormState.of(form, ((EntitlementOutcome.Invalid<Stakeholder>) outcome).errors()));
  }

  @GetMapping("/entitlements/stakeholders/{id}")
  String page(Actor actor, @PathVariable StakeholderId id, Model model) {
    return page(actor, id, model, FormState.empty(), FormState.empty());
  }

  @PostMapping("/entitlements/stakeholders/{id}/contacts")
  String contact(
      Actor actor, @PathVariable StakeholderId id, Stakeholders.ContactInput form, Model model) {
    var outcome = stakeholders.addContact(actor, id, form);
    if (outcome instanceof EntitlementOutcome.Saved<?>) {
      return "redirect:/entitlements/stakeholders/" + id + "#contacts";
    }
    return page(
        actor,
        id,
        model,
        FormState.of(form, ((EntitlementOutcome.Invalid<Stakeholder>) outcome).errors()),
        FormState.empty());
  }

  @PostMapping("/entitlements/stakeholders/{id}/contacts/{contact}/erase")
  String eraseContact(
      Actor actor,
      @PathVariable StakeholderId id,
      @PathVariable UUID contact,
      RedirectAttributes redirect) {
    stakeholders.eraseContact(actor, id, contact);
    redirect.addFlashAttribute("notice", "stakeholder.contact.erased");
    return "redirect:/entitlements/stakeholders/" + id + "#contacts";
  }

  @PostMapping("/entitlements/stakeholders/{id}/engagements")
  String engage(
      Actor actor, @PathVariable StakeholderId id, Stakeholders.EngagementInput form, Model model) {
    var outcome = stakeholders.engage(actor, id, form);
    if (outcome instanceof EntitlementOutcome.Saved<?>) {
      return "redirect:/entitlements/stakeholders/" + id + "#engagements";
    }
    return page(
        actor,
        id,
        model,
        FormState.empty(),
        FormState.of(form, ((EntitlementOutcome.Invalid<Stakeholder>) outcome).errors()));
  }

  @PostMapping("/entitlements/engagements/{id}/followed-up")
  String followedUp(Actor actor, @PathVariable EngagementId id) {
    stakeholders.followedUp(actor, id);
    return "redirect:/entitlements/stakeholders";
  }

  private String log(Actor actor, Model model, FormState form) {
    model.addAttribute("due", stakeholders.due(actor));
    model.addAttribute("stakeholders", stakeholders.list(actor));
    model.addAttribute("kinds", List.of(StakeholderKind.values()));
    model.addAttribute("canWrite", mayWrite(actor));
    model.addAttribute("form", form);
    return "entitlements/stakeholders";
  }

  private String page(
      Actor actor, StakeholderId id, Model model, FormState contact, FormState engagement) {
    model.addAttribute("stakeholder", stakeholders.get(actor, id));
    model.addAttribute("kinds", List.of(EngagementKind.values()));
    boolean canWrite = mayWrite(actor);
    model.addAttribute("canWrite", canWrite);
    boolean withReceipts =
        canWrite && policy.permits(actor, ReliefAction.RELIEF_READ, actor.organisation());
    model.addAttribute("receipts", withReceipts ? stock.latestReceipts(actor, 50) : List.of());
    Map<ItemId, Item> items = new HashMap<>();
    if (withReceipts) {
      catalogue.items(actor).forEach(i -> items.put(i.id(), i));
    }
    model.addAttribute("items", items);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    model.addAttribute("contactForm", contact);
    model.addAttribute(
        "engagementForm",
        engagement.values().isEmpty()
            ? FormState.of(Map.of("on", today.at(actor.organisation()).toString()), Map.of())
            : engagement);
    return "entitlements/stakeholder";
  }

  private boolean mayWrite(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, EntitlementAction.ENTITLEMENT_WRITE, actor.organisation());
  }
}
