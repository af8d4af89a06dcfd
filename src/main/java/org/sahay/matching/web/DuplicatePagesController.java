package org.sahay.matching.web;

import org.sahay.access.Actor;
import org.sahay.matching.Band;
import org.sahay.matching.Duplicates;
import org.sahay.matching.MergeId;
import org.sahay.matching.PairId;
import org.sahay.matching.ScanId;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Possible duplicates on pages, for those who keep the register: the queue (likely first), a scan
 * on demand, one pair side by side with its evidence, the decision, and undoing a merge.
 */
@Controller
class DuplicatePagesController {

  private static final int PAGE = 25;

  private final Duplicates duplicates;

  DuplicatePagesController(Duplicates duplicates) {
    this.duplicates = duplicates;
  }

  @GetMapping("/duplicates")
  String queue(Actor actor, @RequestParam(required = false) ScanId scan, Model model) {
    model.addAttribute("likely", duplicates.open(actor, Band.LIKELY, 0, PAGE));
    model.addAttribute("possible", duplicates.open(actor, Band.POSSIBLE, 0, PAGE));
    model.addAttribute("scan", scan == null ? null : duplicates.scan(actor, scan));
    return "matching/queue";
  }

  @PostMapping("/duplicates/scan")
  String scan(Actor actor) {
    return "redirect:/duplicates?scan=" + duplicates.scan(actor);
  }

  @GetMapping("/duplicates/{id}")
  String pair(Actor actor, @PathVariable PairId id, Model model) {
    model.addAttribute("view", duplicates.pair(actor, id));
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "matching/pair";
  }

  @PostMapping("/duplicates/{id}/decision")
  String decide(
      Actor actor,
      @PathVariable PairId id,
      @RequestParam String decision,
      @RequestParam(required = false) MemberId keep,
      RedirectAttributes redirect) {
    Duplicates.Verdict verdict =
        "different".equals(decision) ? Duplicates.Verdict.DIFFERENT : Duplicates.Verdict.SAME;
    var outcome = duplicates.decide(actor, id, verdict, keep);
    redirect.addFlashAttribute(
        "notice",
        outcome instanceof Duplicates.Outcome.Merged
            ? "duplicates.merged"
            : outcome instanceof Duplicates.Outcome.Different
                ? "duplicates.different"
                : "duplicates.decided");
    return "redirect:/duplicates/" + id;
  }

  @PostMapping("/merges/{id}/undo")
  String undo(Actor actor, @PathVariable MergeId id, RedirectAttributes redirect) {
    Duplicates.Undo undo = duplicates.undo(actor, id);
    redirect.addFlashAttribute(
        "notice",
        switch (undo) {
          case UNDONE -> "duplicates.undoneNow";
          case ALREADY_UNDONE -> "duplicates.undone";
          case LATER_MERGE_FIRST -> "duplicates.undoLaterFirst";
        });
    return "redirect:/duplicates";
  }
}
