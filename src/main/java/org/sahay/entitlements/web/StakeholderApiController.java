package org.sahay.entitlements.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.entitlements.EngagementId;
import org.sahay.entitlements.Stakeholder;
import org.sahay.entitlements.StakeholderId;
import org.sahay.entitlements.Stakeholders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The advocacy log over JSON: {@code /api/v1/stakeholders} and {@code /api/v1/engagements}. */
@RestController
@RequestMapping("/api/v1")
class StakeholderApiController {

  private final Stakeholders stakeholders;
  private final Answers answers;

  StakeholderApiController(Stakeholders stakeholders, Answers answers) {
    this.stakeholders = stakeholders;
    this.answers = answers;
  }

  @GetMapping("/stakeholders")
  List<Stakeholder> list(Actor actor) {
    return stakeholders.list(actor);
  }

  @PostMapping("/stakeholders")
  ResponseEntity<?> create(
      Actor actor, @RequestBody Stakeholders.Input input, HttpServletRequest request) {
    return answers.of(
        stakeholders.create(actor, input),
        request,
        s -> "/api/v1/stakeholders/" + s.id(),
        "list.stale");
  }

  @GetMapping("/stakeholders/{id}")
  Stakeholder get(Actor actor, @PathVariable StakeholderId id) {
    return stakeholders.get(actor, id);
  }

  @PostMapping("/stakeholders/{id}/contacts")
  ResponseEntity<?> contact(
      Actor actor,
      @PathVariable StakeholderId id,
      @RequestBody Stakeholders.ContactInput input,
      HttpServletRequest request) {
    return answers.of(stakeholders.addContact(actor, id, input), request, null, "list.stale");
  }

  /** Erases a contact person: her name, phone and role can no longer be opened. */
  @DeleteMapping("/stakeholders/{id}/contacts/{contact}")
  ResponseEntity<Void> eraseContact(
      Actor actor, @PathVariable StakeholderId id, @PathVariable java.util.UUID contact) {
    stakeholders.eraseContact(actor, id, contact);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/stakeholders/{id}/engagements")
  ResponseEntity<?> engage(
      Actor actor,
      @PathVariable StakeholderId id,
      @RequestBody Stakeholders.EngagementInput input,
      HttpServletRequest request) {
    return answers.of(stakeholders.engage(actor, id, input), request, null, "list.stale");
  }

  /** Follow-ups due within a week or overdue. */
  @GetMapping("/engagements")
  List<Stakeholders.Due> due(Actor actor) {
    return stakeholders.due(actor);
  }

  @PostMapping("/engagements/{id}/followed-up")
  ResponseEntity<Void> followedUp(Actor actor, @PathVariable EngagementId id) {
    stakeholders.followedUp(actor, id);
    return ResponseEntity.noContent().build();
  }
}
