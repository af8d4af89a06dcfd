package org.sahay.organisations.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.FormState;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisation list, creation and links. */
@Controller
class OrganisationPagesController {

  private final Organisations organisations;
  private final AccessPolicy policy;

  OrganisationPagesController(Organisations organisations, AccessPolicy policy) {
    this.organisations = organisations;
    this.policy = policy;
  }

  @GetMapping("/organisations")
  String list(Actor actor, Model model) {
    model.addAttribute("organisations", organisations.visibleTo(actor));
    model.addAttribute("canCreate", policy.permits(actor, AccessAction.ORGANISATION_CREATE, null));
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form",
          FormState.of(
              Map.of("timeZone", org.sahay.platform.IndianFormats.INDIA.getId()), Map.of()));
    }
    return "organisations/list";
  }

  @PostMapping("/organisations")
  String create(Actor actor, NewOrganisation input, RedirectAttributes redirect) {
    var outcome = organisations.create(actor, input);
    if (outcome instanceof Organisations.Creation.Created created) {
      return "redirect:/organisations/" + created.organisation().id();
    }
    var invalid = (Organisations.Creation.Invalid) outcome;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", input.name());
    values.put("kind", input.kind());
    values.put("state", input.state());
    values.put("district", input.district());
    values.put("shortCode", input.shortCode());
    values.put("defaultLanguage", input.defaultLanguage());
    values.put("timeZone", input.timeZone());
    redirect.addFlashAttribute("form", FormState.of(values, invalid.errors()));
    return "redirect:/organisations";
  }

  @GetMapping("/organisations/{id}")
  String detail(Actor actor, @PathVariable OrganisationId id, Model model) {
    Organisation organisation = organisations.get(actor, id);
    model.addAttribute("organisation", organisation);
    model.addAttribute("mentors", organisations.linkedTo(id, LinkKind.MENTOR_OF));
    model.addAttribute("funders", organisations.linkedTo(id, LinkKind.FUNDER_OF));
    model.addAttribute("mentored", organisations.linkedFrom(id, LinkKind.MENTOR_OF));
    model.addAttribute("funded", organisations.linkedFrom(id, LinkKind.FUNDER_OF));
    model.addAttribute("networks", organisations.linkedFrom(id, LinkKind.MEMBER_OF));
    model.addAttribute("networkMembers", organisations.linkedTo(id, LinkKind.MEMBER_OF));
    boolean canLink = policy.permits(actor, AccessAction.ORGANISATION_LINK, null);
    model.addAttribute("canLink", canLink);
    model.addAttribute("others", canLink ? organisations.visibleTo(actor) : java.util.List.of());
    model.addAttribute("canSeeUsers", policy.permits(actor, AccessAction.USER_VIEW, id));
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "organisations/detail";
  }

  @PostMapping("/organisations/{id}/links")
  String link(
      Actor actor,
      @PathVariable OrganisationId id,
      @RequestParam String kind,
      @RequestParam OrganisationId target,
      RedirectAttributes redirect) {
    LinkKind linkKind =
        java.util.Arrays.stream(LinkKind.values())
            .filter(k -> k.name().equals(kind))
            .findFirst()
            .orElse(LinkKind.MENTOR_OF);
    var result = organisations.link(actor, id, linkKind, target);
    redirect.addFlashAttribute("notice", "organisation.link." + result.name());
    return "redirect:/organisations/" + id;
  }
}
