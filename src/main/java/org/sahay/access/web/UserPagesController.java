package org.sahay.access.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.OrganisationDirectory;
import org.sahay.access.Role;
import org.sahay.access.Users;
import org.sahay.platform.FormState;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users of an organisation, for its admins and for system admins. */
@Controller
class UserPagesController {

  private final Users users;
  private final OrganisationDirectory organisations;
  private final AccessPolicy policy;
  private final org.sahay.access.Actions actions;

  UserPagesController(
      Users users,
      OrganisationDirectory organisations,
      AccessPolicy policy,
      org.sahay.access.Actions actions) {
    this.actions = actions;
    this.users = users;
    this.organisations = organisations;
    this.policy = policy;
  }

  @GetMapping("/organisations/{id}/users")
  String list(Actor actor, @PathVariable OrganisationId id, Model model) {
    var list = users.of(actor, id);
    String kind = organisations.kindOf(id).orElseThrow(NotFoundException::new);
    model.addAttribute("organisationId", id);
    model.addAttribute("organisationName", organisations.nameOf(id).orElse(""));
    model.addAttribute("users", list);
    model.addAttribute("roles", assignable(kind));
    boolean canManage = policy.permits(actor, AccessAction.USER_MANAGE, id);
    model.addAttribute("canManage", canManage);
    model.addAttribute("lockedOut", canManage ? users.lockedOut(actor, id) : Set.of());
    model.addAttribute("self", actor.id());
    model.addAttribute(
        "grantable", actions.all().stream().filter(org.sahay.access.Action::grantable).toList());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", FormState.empty());
    }
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "access/users";
  }

  @PostMapping("/organisations/{id}/users")
  String create(
      Actor actor,
      @PathVariable OrganisationId id,
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(required = false) List<String> roles,
      @RequestParam(defaultValue = "en") String language,
      RedirectAttributes redirect) {
    Set<Role> chosen = EnumSet.noneOf(Role.class);
    if (roles != null) {
      for (String role : roles) {
        try {
          chosen.add(Role.valueOf(role));
        } catch (IllegalArgumentException e) {
          // an unknown role is simply not granted
        }
      }
    }
    Language lang = Language.fromCode(language).orElse(Language.EN);
    var outcome = users.create(actor, id, username, password, chosen, lang);
    if (outcome instanceof Users.Outcome.Refused refused) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("username", username);
      values.put("language", lang.code());
      redirect.addFlashAttribute(
          "form", FormState.of(values, Map.of(refused.field(), refused.messageKey())));
    } else {
      redirect.addFlashAttribute("notice", "user.created");
    }
    return "redirect:/organisations/" + id + "/users";
  }

  /**
   * Deactivate, reactivate, sign out everywhere, unlock, or remove a lost phone's second factor;
   * the service checks the policy.
   */
  @PostMapping("/users/{id}/{change:deactivate|reactivate|end-sessions|unlock|reset-second-factor}")
  String change(
      Actor actor,
      @PathVariable UserId id,
      @PathVariable String change,
      RedirectAttributes redirect) {
    var user = users.get(actor, id);
    String notice =
        switch (change) {
          case "deactivate" -> {
            users.deactivate(actor, id);
            yield "user.deactivated";
          }
          case "reactivate" -> {
            users.reactivate(actor, id);
            yield "user.reactivated";
          }
          case "unlock" -> {
            users.unlock(actor, id);
            yield "user.unlocked";
          }
          case "reset-second-factor" -> {
            users.resetSecondFactor(actor, id);
            yield "user.secondFactorReset";
          }
          default -> {
            users.endSessions(actor, id);
            yield "user.sessionsEnded";
          }
        };
    redirect.addFlashAttribute("notice", notice);
    return "redirect:/organisations/" + user.organisation() + "/users";
  }

  /**
   * An organisation admin grants one user a grantable action (safety incidents, for example), or
   * takes it back; an action that is not grantable is refused.
   */
  @PostMapping("/users/{id}/grants/{action}")
  String grant(
      Actor actor,
      @PathVariable UserId id,
      @PathVariable String action,
      @RequestParam boolean allowed,
      RedirectAttributes redirect) {
    var user = users.get(actor, id);
    var granted =
        actions
            .named(action)
            .filter(org.sahay.access.Action::grantable)
            .orElseThrow(org.sahay.platform.NotFoundException::new);
    users.grant(actor, id, granted, allowed);
    redirect.addFlashAttribute("notice", allowed ? "user.granted" : "user.grantRevoked");
    return "redirect:/organisations/" + user.organisation() + "/users";
  }

  /** An organisation admin lets one user see confidential profiles, or stops it. */
  @PostMapping("/users/{id}/sensitive")
  String sensitive(
      Actor actor,
      @PathVariable UserId id,
      @RequestParam boolean allowed,
      RedirectAttributes redirect) {
    var user = users.get(actor, id);
    users.grant(actor, id, org.sahay.access.AccessAction.SENSITIVE_READ, allowed);
    redirect.addFlashAttribute("notice", allowed ? "user.granted" : "user.grantRevoked");
    return "redirect:/organisations/" + user.organisation() + "/users";
  }

  private static List<Role> assignable(String kind) {
    return EnumSet.allOf(Role.class).stream().filter(r -> Users.fits(r, kind)).toList();
  }
}
