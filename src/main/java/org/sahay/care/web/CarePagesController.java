package org.sahay.care.web;

import org.sahay.access.Actor;
import org.sahay.care.CareOverview;
import org.sahay.care.MemberCare;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The collective's care overview: what is due and open, each part for those who may see it. */
@Controller
class CarePagesController {

  private final CareOverview overview;
  private final MemberCare memberCare;

  CarePagesController(CareOverview overview, MemberCare memberCare) {
    this.overview = overview;
    this.memberCare = memberCare;
  }

  /** A member's care, each part for those allowed to see it. */
  @GetMapping("/care/members/{id}")
  String member(Actor actor, @PathVariable MemberId id, Model model) {
    model.addAttribute("care", memberCare.of(actor, id));
    return "care/member";
  }

  @GetMapping("/care")
  String overview(Actor actor, Model model) {
    model.addAttribute("overview", overview.of(actor));
    return "care/overview";
  }
}
