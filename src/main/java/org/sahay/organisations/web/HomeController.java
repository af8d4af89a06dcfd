package org.sahay.organisations.web;

import java.util.Comparator;
import java.util.List;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.organisations.DayWork;
import org.sahay.organisations.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in: what waits for you today, who you are, for which organisation, and
 * where to go.
 */
@Controller
class HomeController {

  private final Organisations organisations;
  private final AccessPolicy policy;
  private final List<DayWork> work;

  HomeController(Organisations organisations, AccessPolicy policy, List<DayWork> work) {
    this.organisations = organisations;
    this.policy = policy;
    this.work = work;
  }

  @GetMapping("/")
  String home(Actor actor, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute(
        "organisation",
        actor.organisation() == null
            ? null
            : organisations.find(actor.organisation()).orElse(null));
    model.addAttribute(
        "canManageUsers",
        actor.organisation() != null
            && policy.permits(actor, AccessAction.USER_MANAGE, actor.organisation()));
    model.addAttribute(
        "canReadAudit",
        actor.organisation() != null
            && policy.permits(actor, AccessAction.AUDIT_READ, actor.organisation()));
    model.addAttribute(
        "isSystemAdmin", policy.permits(actor, AccessAction.ORGANISATION_CREATE, null));
    model.addAttribute(
        "work",
        work.stream()
            .flatMap(w -> w.waitingFor(actor).stream())
            .sorted(Comparator.comparingInt(DayWork.Item::order))
            .toList());
    return "organisations/home";
  }
}
