package org.sahay.care.web;

import org.sahay.access.Actor;
import org.sahay.care.CareOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The collective's care overview: what is due and open, each part for those who may see it. */
@Controller
class CarePagesController {

  private final CareOverview overview;

  CarePagesController(CareOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/care")
  String overview(Actor actor, Model model) {
    model.addAttribute("overview", overview.of(actor));
    return "care/overview";
  }
}
