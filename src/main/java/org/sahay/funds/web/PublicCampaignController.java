package org.sahay.funds.web;

import java.util.ArrayList;
import java.util.List;
import org.sahay.funds.FundsReports;
import org.sahay.funds.Transparency;
import org.sahay.platform.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A campaign's public transparency page, without sign-in, session or cookie: in the organisation's
 * language and in English, sums and counts only, every count below 5 shown as fewer than 5.
 */
@Controller
class PublicCampaignController {

  private final FundsReports reports;
  private final MessageSource messages;

  PublicCampaignController(FundsReports reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  @GetMapping("/p/campaigns/{slug}")
  String page(@PathVariable String slug, Model model) {
    Transparency page = reports.transparency(slug);
    List<PublicSide> sides = new ArrayList<>();
    sides.add(new PublicSide(page.organisationLanguage(), messages));
    if (page.organisationLanguage() != Language.EN) {
      sides.add(new PublicSide(Language.EN, messages));
    }
    model.addAttribute("page", page);
    model.addAttribute("sides", sides);
    model.addAttribute("updated", page.lastUpdated());
    return "funds/public-campaign";
  }
}
