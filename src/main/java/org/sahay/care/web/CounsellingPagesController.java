package org.sahay.care.web;

import java.util.List;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.CareAction;
import org.sahay.care.CareOutcome;
import org.sahay.care.Counselling;
import org.sahay.care.CounsellingTopic;
import org.sahay.care.SessionMode;
import org.sahay.forms.Submissions;
import org.sahay.platform.FormState;
import org.sahay.platform.Ui;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Counselling on pages: the counsellor's list (urgent first, then follow-ups due), group sessions
 * and their form, the form for an individual session; a member's counselling page with her
 * sessions, her scores as a chart and a table, and whom her notes are shared with.
 */
@Controller
class CounsellingPagesController {

  private final Counselling counselling;
  private final AccessPolicy policy;

  CounsellingPagesController(Counselling counselling, AccessPolicy policy) {
    this.counselling = counselling;
    this.policy = policy;
  }

  @GetMapping("/care/counselling")
  String page(Actor actor, Model model) {
    return page(actor, model, FormState.empty(), FormState.empty());
  }

  /**
   * The group session form on a page of its own, with nobody's data on it, so that a phone can keep
   * it and take attendance where there is no network.
   */
  @GetMapping("/care/counselling/group")
  String groupForm(Actor actor, Model model) {
    if (actor.organisation() == null
        || !policy.permits(actor, CareAction.CARE_WRITE, actor.organisation())) {
      throw new org.sahay.platform.NotFoundException();
    }
    model.addAttribute("topics", CounsellingTopic.values());
    model.addAttribute("groupForm", FormState.of(Map.of(), Map.of()));
    return "care/group";
  }

  @PostMapping("/care/counselling/group")
  String group(Actor actor, GroupForm form, Model model, RedirectAttributes redirect) {
    var outcome = counselling.recordGroup(actor, form.input());
    if (outcome instanceof CareOutcome.Saved<Counselling.Group>) {
      redirect.addFlashAttribute("notice", "loan.changed");
      return "redirect:/care/counselling";
    }
    return page(
        actor,
        model,
        FormState.of(form, ((CareOutcome.Invalid<Counselling.Group>) outcome).errors()),
        FormState.empty());
  }

  /** The group form: attendance as codes, one per line or with commas. */
  record GroupForm(String topic, String facilitator, String heldOn, String attendance) {
    Counselling.GroupInput input() {
      return new Counselling.GroupInput(
          topic, facilitator, heldOn, attendance == null ? List.of() : List.of(attendance));
    }
  }

  @PostMapping("/care/counselling/sessions")
  String session(
      Actor actor, Counselling.SessionInput form, Model model, RedirectAttributes redirect) {
    var outcome = counselling.recordSession(actor, form);
    if (outcome instanceof CareOutcome.Saved<Counselling.Session> saved) {
      return "redirect:/care/counselling/members/" + saved.value().member();
    }
    return page(
        actor,
        model,
        FormState.empty(),
        FormState.of(form, ((CareOutcome.Invalid<Counselling.Session>) outcome).errors()));
  }

  @GetMapping("/care/counselling/members/{id}")
  String member(
      Actor actor,
      @PathVariable MemberId id,
      Model model,
      @org.springframework.web.bind.annotation.ModelAttribute("ui") Ui ui) {
    model.addAttribute("member", id);
    model.addAttribute("sessions", counselling.sessions(actor, id));
    boolean counsellor = policy.permits(actor, CareAction.COUNSELLING, actor.organisation());
    boolean screenings = policy.permits(actor, AccessAction.SENSITIVE_READ, actor.organisation());
    List<Submissions.Score> scores = screenings ? counselling.scores(actor, id) : List.of();
    model.addAttribute("scores", scores);
    model.addAttribute(
        "chart",
        scores.isEmpty()
            ? null
            : ScoreChart.svg(scores, ui.t("counselling.scores"), ui.t("counselling.chart.about")));
    model.addAttribute("shares", counsellor ? counselling.shares(actor, id) : List.of());
    model.addAttribute("canShare", counsellor);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "care/counselling-member";
  }

  @PostMapping("/care/counselling/members/{id}/shares")
  String share(
      Actor actor,
      @PathVariable MemberId id,
      @RequestParam String username,
      @RequestParam(defaultValue = "true") boolean shared,
      RedirectAttributes redirect) {
    boolean done = counselling.share(actor, id, username, shared);
    redirect.addFlashAttribute("notice", done ? "loan.changed" : "counselling.share.unknown");
    return "redirect:/care/counselling/members/" + id;
  }

  private String page(Actor actor, Model model, FormState group, FormState session) {
    boolean counsellor = policy.permits(actor, CareAction.COUNSELLING, actor.organisation());
    model.addAttribute("waiting", counsellor ? counselling.waiting(actor) : List.of());
    model.addAttribute("groups", counselling.groups(actor));
    model.addAttribute("topics", CounsellingTopic.values());
    model.addAttribute("modes", SessionMode.values());
    model.addAttribute("counsellor", counsellor);
    model.addAttribute(
        "groupForm", group.values().isEmpty() ? FormState.of(Map.of(), Map.of()) : group);
    model.addAttribute("sessionForm", session);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "care/counselling";
  }
}
