package org.sahay.registry.web;

import java.util.List;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.ConsentPurpose;
import org.sahay.registry.Member;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInput;
import org.sahay.registry.MemberStatus;
import org.sahay.registry.Members;
import org.sahay.registry.RecordSections;
import org.sahay.registry.RegistryAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Member list and search, registration, the member page and its edit form. */
@Controller
class MemberPagesController {

  private static final int PAGE_SIZE = 25;

  private final Members members;
  private final AccessPolicy policy;
  private final org.sahay.registry.Households households;

  private final List<RecordSections> sections;

  private final Today today;

  MemberPagesController(
      Members members,
      AccessPolicy policy,
      org.sahay.registry.Households households,
      List<RecordSections> sections,
      Today today) {
    this.today = today;
    this.members = members;
    this.policy = policy;
    this.households = households;
    this.sections = sections;
  }

  /** The list, by status only: names and villages never travel in the address. */
  @GetMapping("/members")
  String list(
      Actor actor,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    return list(actor, "", "", status, page, model);
  }

  /**
   * A search by name, phone or village, posted: what was typed stays out of the address bar, the
   * browser history, the server's access log and any proxy's, and quick exit leaves nothing of it.
   */
  @PostMapping("/members/search")
  String search(
      Actor actor,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String village,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    return list(actor, q, village, status, page, model);
  }

  private String list(Actor actor, String q, String village, String status, int page, Model model) {
    int current = Math.max(0, page);
    MemberStatus wanted =
        java.util.Arrays.stream(MemberStatus.values())
            .filter(s -> s != MemberStatus.ERASED && s.name().equals(status))
            .findFirst()
            .orElse(null);
    var found = members.search(actor, q, village, wanted, current, PAGE_SIZE + 1);
    model.addAttribute("members", found.stream().limit(PAGE_SIZE).toList());
    model.addAttribute("q", q);
    model.addAttribute("village", village);
    model.addAttribute("status", wanted == null ? "" : wanted.name());
    model.addAttribute("page", current);
    model.addAttribute("hasNext", found.size() > PAGE_SIZE);
    model.addAttribute("canRegister", mayWrite(actor));
    return "registry/list";
  }

  @GetMapping("/members/new")
  String newMember(Actor actor, Model model) {
    if (!mayWrite(actor)) {
      throw new NotFoundException();
    }
    return form(
        actor, model, null, FormState.of(Map.of("gender", "FEMALE", "status", "ACTIVE"), Map.of()));
  }

  @PostMapping("/members")
  String register(
      Actor actor,
      MemberForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> unreadable = FormState.unreadable(binding, MemberForm.KEYS);
    if (!unreadable.isEmpty()) {
      return form(actor, model, null, FormState.of(retyped(form, binding), unreadable));
    }
    MemberInput input = form.command(maySeeSensitive(actor));
    if (!Boolean.TRUE.equals(form.notDuplicate())) {
      var likely = members.likelySame(actor, input);
      if (!likely.isEmpty()) {
        model.addAttribute("likelySame", likely);
        return form(actor, model, null, FormState.of(form.retyped(), Map.of()));
      }
    }
    var outcome = members.register(actor, input);
    if (outcome instanceof Members.Outcome.Saved saved) {
      redirect.addFlashAttribute("notice", "member.registered");
      return "redirect:/members/" + saved.member().id();
    }
    var invalid = (Members.Outcome.Invalid) outcome;
    return form(actor, model, null, FormState.of(form.retyped(), invalid.errors()));
  }

  @GetMapping("/members/{id}")
  String show(Actor actor, @PathVariable MemberId id, Model model) {
    Member member;
    try {
      member = members.get(actor, id);
    } catch (NotFoundException e) {
      // A list, a link or a bookmark made before a merge names the record merged away.
      return members
          .mergedInto(actor, id)
          .map(kept -> "redirect:/members/" + kept)
          .orElseThrow(() -> e);
    }
    model.addAttribute("member", member);
    model.addAttribute("history", members.history(actor, id));
    model.addAttribute("zone", today.zone(actor.organisation()));
    model.addAttribute("canEdit", mayWrite(actor));
    model.addAttribute("maySeeSensitive", maySeeSensitive(actor));
    model.addAttribute("household", households.ofMember(actor, id).orElse(null));
    model.addAttribute(
        "about", sections.stream().flatMap(x -> x.aboutMember(actor, id).stream()).toList());
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "registry/member";
  }

  @GetMapping("/members/{id}/edit")
  String edit(Actor actor, @PathVariable MemberId id, Model model) {
    Member member = members.get(actor, id);
    if (!mayWrite(actor)) {
      throw new NotFoundException();
    }
    return form(actor, model, member, FormState.of(MemberForm.values(member), Map.of()));
  }

  @PostMapping("/members/{id}")
  String update(
      Actor actor,
      @PathVariable MemberId id,
      MemberForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> unreadable = FormState.unreadable(binding, MemberForm.KEYS);
    if (!unreadable.isEmpty()) {
      return form(
          actor, model, members.get(actor, id), FormState.of(retyped(form, binding), unreadable));
    }
    var outcome = members.update(actor, id, form.command(maySeeSensitive(actor)));
    if (outcome instanceof Members.Outcome.Saved) {
      redirect.addFlashAttribute("notice", "member.saved");
      return "redirect:/members/" + id;
    }
    Map<String, String> errors =
        outcome instanceof Members.Outcome.Invalid invalid
            ? invalid.errors()
            : Map.of("version", "member.stale");
    return form(actor, model, members.get(actor, id), FormState.of(form.retyped(), errors));
  }

  /** What was typed, with a number the binder could not read shown as it was typed. */
  private static Map<String, String> retyped(MemberForm form, BindingResult binding) {
    Map<String, String> values = form.retyped();
    for (var error : binding.getFieldErrors()) {
      if (MemberForm.KEYS.containsKey(error.getField())
          && error.getRejectedValue() instanceof String typed) {
        values.put(error.getField(), typed);
      }
    }
    return values;
  }

  @PostMapping("/members/{id}/consents")
  String consent(
      Actor actor,
      @PathVariable MemberId id,
      @RequestParam ConsentPurpose purpose,
      @RequestParam boolean granted,
      RedirectAttributes redirect) {
    members.recordConsent(actor, id, purpose, granted);
    redirect.addFlashAttribute("notice", "member.saved");
    return "redirect:/members/" + id;
  }

  private String form(Actor actor, Model model, Member member, FormState form) {
    if (!model.containsAttribute("likelySame")) {
      model.addAttribute("likelySame", java.util.List.of());
    }
    model.addAttribute("member", member);
    model.addAttribute("form", form);
    model.addAttribute("maySeeSensitive", maySeeSensitive(actor));
    return "registry/form";
  }

  private boolean mayWrite(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, RegistryAction.MEMBER_WRITE, actor.organisation());
  }

  private boolean maySeeSensitive(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, AccessAction.SENSITIVE_READ, actor.organisation());
  }
}
