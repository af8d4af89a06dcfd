package org.sahay.access.web;

import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.access.AuditVerification;
import org.sahay.access.OrganisationDirectory;
import org.sahay.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Organisation admins read their audit log; system admins check every chain. */
@Controller
class AuditController {

  private static final int PAGE_SIZE = 50;

  private final AuditLog audit;
  private final AccessPolicy policy;
  private final OrganisationDirectory organisations;

  AuditController(AuditLog audit, AccessPolicy policy, OrganisationDirectory organisations) {
    this.audit = audit;
    this.policy = policy;
    this.organisations = organisations;
  }

  @GetMapping("/audit")
  String entries(
      Actor actor,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "all") String events,
      Model model) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(actor, AccessAction.AUDIT_READ, actor.organisation());
    int current = Math.max(0, page);
    boolean security = "security".equals(events);
    var entries = audit.entriesOf(actor.organisation(), current, PAGE_SIZE + 1, security);
    model.addAttribute("security", security);
    model.addAttribute("entries", entries.stream().limit(PAGE_SIZE).toList());
    model.addAttribute("page", current);
    model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
    model.addAttribute(
        "zone",
        organisations.zoneOf(actor.organisation()).orElse(org.sahay.platform.IndianFormats.INDIA));
    return "access/audit";
  }

  @GetMapping("/audit/verify")
  String verifyPage(Actor actor, Model model) {
    policy.require(actor, AccessAction.AUDIT_VERIFY, null);
    model.addAttribute("result", null);
    return "access/audit-verify";
  }

  @PostMapping("/audit/verify")
  String verify(Actor actor, Model model) {
    policy.require(actor, AccessAction.AUDIT_VERIFY, null);
    AuditVerification result = audit.verify();
    model.addAttribute("result", result);
    return "access/audit-verify";
  }
}
