package org.sahay.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Problems;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.sahay.relief.DistributionId;
import org.sahay.relief.DistributionRounds;
import org.sahay.relief.Distributions;
import org.sahay.relief.EarlierDistribution;
import org.sahay.relief.Recipient;
import org.sahay.relief.RecipientId;
import org.sahay.relief.Recipients;
import org.sahay.relief.Round;
import org.sahay.relief.RoundCounts;
import org.sahay.relief.RoundId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Distribution rounds, hand-overs and their reversals, non-member recipients, and round summaries
 * (in full for the collective, counts only for its mentors and funders) as JSON.
 */
@RestController
@RequestMapping("/api/v1")
class DistributionApiController {

  /** A hand-over as sent: exactly one of the ids, or a recipient to register now. */
  record DistributionRequest(
      String memberId,
      String householdId,
      String recipientId,
      Recipients.RecipientInput recipient) {}

  record ReversalRequest(String reason) {}

  private final DistributionRounds rounds;
  private final Distributions distributions;
  private final Recipients recipients;
  private final org.sahay.organisations.Today today;
  private final Problems problems;

  DistributionApiController(
      DistributionRounds rounds,
      Distributions distributions,
      Recipients recipients,
      org.sahay.organisations.Today today,
      Problems problems) {
    this.rounds = rounds;
    this.distributions = distributions;
    this.recipients = recipients;
    this.today = today;
    this.problems = problems;
  }

  @PostMapping("/distribution-rounds")
  ResponseEntity<?> create(
      Actor actor, @RequestBody DistributionRounds.RoundInput input, HttpServletRequest request) {
    var outcome = rounds.create(actor, input);
    if (outcome instanceof DistributionRounds.Outcome.Saved saved) {
      return ResponseEntity.created(URI.create("/api/v1/distribution-rounds/" + saved.round().id()))
          .body(saved.round());
    }
    return problems.invalid(
        ((DistributionRounds.Outcome.Invalid) outcome).errors(), locale(request));
  }

  /** The own collective's rounds; with {@code organisation}, that collective's rounds as counts. */
  @GetMapping("/distribution-rounds")
  Object list(Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    if (organisation == null || organisation.equals(actor.organisation())) {
      List<Round> own = rounds.list(actor);
      return own;
    }
    List<RoundCounts> counts = rounds.countsOf(actor, organisation);
    return counts;
  }

  @GetMapping("/distribution-rounds/{id}")
  Round get(Actor actor, @PathVariable RoundId id) {
    return rounds.get(actor, id);
  }

  /** The full summary for the collective itself; counts only, small ones suppressed, for others. */
  @GetMapping("/distribution-rounds/{id}/summary")
  Object summary(Actor actor, @PathVariable RoundId id) {
    RoundCounts counts = rounds.counts(actor, id);
    return rounds.seesInFull(actor, id) ? rounds.summary(actor, id) : counts;
  }

  /** Members and recipients found by code, name or phone, each with what the round says. */
  @GetMapping("/distribution-rounds/{id}/candidates")
  List<Distributions.Candidate> candidates(
      Actor actor, @PathVariable RoundId id, @RequestParam(defaultValue = "") String q) {
    return distributions.find(actor, id, q);
  }

  @GetMapping("/distribution-rounds/{id}/distributions")
  Object recorded(
      Actor actor,
      @PathVariable RoundId id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    int limit = Math.max(1, Math.min(500, size));
    return rounds.distributions(actor, id, limit, Math.max(0, page) * limit);
  }

  @PostMapping("/distribution-rounds/{id}/distributions")
  ResponseEntity<?> record(
      Actor actor,
      @PathVariable RoundId id,
      @RequestBody DistributionRequest body,
      HttpServletRequest request) {
    Distributions.DistributionInput input;
    try {
      input =
          new Distributions.DistributionInput(
              body.memberId() == null ? null : MemberId.of(body.memberId()),
              body.householdId() == null ? null : HouseholdId.of(body.householdId()),
              body.recipientId() == null ? null : RecipientId.of(body.recipientId()),
              body.recipient());
    } catch (IllegalArgumentException e) {
      // the round is checked first, so that another collective's round stays a 404
      rounds.counts(actor, id);
      return problems.invalid(
          Map.of("memberId", "relief.distribution.unknownRecipient"), locale(request));
    }
    return answer(distributions.record(actor, id, input), actor, request);
  }

  @PostMapping("/distributions/{id}/reversal")
  ResponseEntity<?> reverse(
      Actor actor,
      @PathVariable DistributionId id,
      @RequestBody ReversalRequest body,
      HttpServletRequest request) {
    var outcome = distributions.reverse(actor, id, body.reason());
    if (outcome instanceof Distributions.Reversal.Reversed) {
      return ResponseEntity.ok(Map.of("id", id, "reversed", true));
    }
    if (outcome instanceof Distributions.Reversal.AlreadyReversed) {
      return conflict(problems.of(HttpStatus.CONFLICT, "relief.reversal.already", locale(request)));
    }
    return problems.invalid(((Distributions.Reversal.Invalid) outcome).errors(), locale(request));
  }

  @PostMapping("/relief-recipients")
  ResponseEntity<?> register(
      Actor actor, @RequestBody Recipients.RecipientInput input, HttpServletRequest request) {
    var outcome = recipients.register(actor, input);
    if (outcome instanceof Recipients.Outcome.Saved saved) {
      return ResponseEntity.created(
              URI.create("/api/v1/relief-recipients/" + saved.recipient().id()))
          .body(saved.recipient());
    }
    if (outcome instanceof Recipients.Outcome.LikelySame same) {
      return likelySame(same.candidates(), same.members(), request);
    }
    return problems.invalid(((Recipients.Outcome.Invalid) outcome).errors(), locale(request));
  }

  @PostMapping("/relief-recipients/likely-same")
  List<Recipient> likelySame(Actor actor, @RequestBody Recipients.RecipientInput input) {
    return recipients.likelySame(actor, input);
  }

  @GetMapping("/relief-recipients")
  List<Recipient> search(Actor actor, @RequestParam(defaultValue = "") String q) {
    return recipients.search(actor, q, 20);
  }

  /** The answer to a hand-over, for the API and for a phone's replay alike. */
  ResponseEntity<?> answer(Distributions.Outcome outcome, Actor actor, HttpServletRequest request) {
    Locale locale = locale(request);
    if (outcome instanceof Distributions.Outcome.Recorded recorded) {
      return ResponseEntity.created(
              URI.create("/api/v1/distributions/" + recorded.distribution().id()))
          .body(recorded.distribution());
    }
    if (outcome instanceof Distributions.Outcome.AlreadyReceived already) {
      EarlierDistribution earlier = already.earlier();
      var problem =
          problems.of(
              HttpStatus.CONFLICT,
              "relief.distribution.already",
              locale,
              when(earlier, actor, locale),
              earlier.recordedBy());
      problem.setProperty("earlierDistributionId", earlier.id());
      problem.setProperty("recordedAt", earlier.recordedAt().toString());
      problem.setProperty("recordedBy", earlier.recordedBy());
      return conflict(problem);
    }
    if (outcome instanceof Distributions.Outcome.OutOfStock out) {
      var problem =
          problems.of(
              HttpStatus.CONFLICT,
              "relief.distribution.outOfStock",
              locale,
              out.left().toPlainString(),
              out.needed().toPlainString());
      problem.setProperty("itemId", out.item());
      problem.setProperty("left", out.left());
      problem.setProperty("needed", out.needed());
      return conflict(problem);
    }
    if (outcome instanceof Distributions.Outcome.NotEligible) {
      return ResponseEntity.unprocessableContent()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              problems.of(
                  HttpStatus.UNPROCESSABLE_CONTENT, "relief.distribution.notEligible", locale));
    }
    if (outcome instanceof Distributions.Outcome.LikelySame same) {
      return likelySame(same.candidates(), same.members(), request);
    }
    return problems.invalid(((Distributions.Outcome.Invalid) outcome).errors(), locale);
  }

  private ResponseEntity<?> likelySame(
      List<Recipient> candidates,
      List<org.sahay.registry.MemberSummary> members,
      HttpServletRequest request) {
    var problem = problems.of(HttpStatus.CONFLICT, "relief.recipient.likelySame", locale(request));
    problem.setProperty("likelySame", candidates);
    // Members by id and code only: give to her as a member.
    problem.setProperty(
        "likelyMembers",
        members.stream().map(m -> Map.of("id", m.id(), "code", m.code())).toList());
    return conflict(problem);
  }

  private String when(EarlierDistribution earlier, Actor actor, Locale locale) {
    var zone = today.zone(actor.organisation());
    return IndianFormats.dateTime(earlier.recordedAt(), zone, Language.of(locale));
  }

  private static ResponseEntity<?> conflict(ProblemDetail problem) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static Locale locale(HttpServletRequest request) {
    return RequestContextUtils.getLocale(request);
  }
}
