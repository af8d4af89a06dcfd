package org.sahay.matching.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.matching.Band;
import org.sahay.matching.DuplicatePair;
import org.sahay.matching.DuplicateScan;
import org.sahay.matching.Duplicates;
import org.sahay.matching.MergeId;
import org.sahay.matching.PairId;
import org.sahay.matching.ScanId;
import org.sahay.platform.Problems;
import org.sahay.registry.MemberId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Possible duplicates as JSON: scans, the queue, decisions and undoing a merge. */
@RestController
class DuplicatesApiController {

  /** A decision: {@code same} or {@code different}; {@code keep}, the member to keep. */
  record DecisionInput(String decision, MemberId keep) {}

  private final Duplicates duplicates;
  private final org.sahay.matching.NetworkMatches network;
  private final Problems problems;

  DuplicatesApiController(
      Duplicates duplicates, org.sahay.matching.NetworkMatches network, Problems problems) {
    this.duplicates = duplicates;
    this.network = network;
    this.problems = problems;
  }

  /** Possible matches with other collectives of the network, as this collective may see them. */
  @GetMapping("/api/v1/network-matches")
  List<org.sahay.matching.NetworkMatches.NetworkMatch> networkMatches(Actor actor) {
    return network.open(actor);
  }

  @PostMapping("/api/v1/network-matches/{id}/confirm")
  org.sahay.matching.NetworkMatches.NetworkMatch confirm(
      Actor actor, @PathVariable java.util.UUID id) {
    return network.answer(actor, id, true);
  }

  @PostMapping("/api/v1/network-matches/{id}/decline")
  ResponseEntity<Void> decline(Actor actor, @PathVariable java.util.UUID id) {
    network.answer(actor, id, false);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/duplicates/scan")
  ResponseEntity<Map<String, Object>> scan(Actor actor) {
    ScanId id = duplicates.scan(actor);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/duplicates/scans/" + id))
        .body(Map.of("id", id, "status", DuplicateScan.Status.QUEUED));
  }

  @GetMapping("/api/v1/duplicates/scans/{id}")
  DuplicateScan scan(Actor actor, @PathVariable ScanId id) {
    return duplicates.scan(actor, id);
  }

  @GetMapping("/api/v1/duplicates")
  ResponseEntity<?> open(
      Actor actor,
      @RequestParam(defaultValue = "likely") String band,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Locale locale) {
    Band wanted =
        switch (band.toLowerCase(Locale.ROOT)) {
          case "likely" -> Band.LIKELY;
          case "possible" -> Band.POSSIBLE;
          default -> null;
        };
    if (wanted == null || size < 1 || size > 200 || page < 0) {
      return ResponseEntity.badRequest()
          .body(problems.of(HttpStatus.BAD_REQUEST, "duplicates.query.invalid", locale));
    }
    List<DuplicatePair> found = duplicates.open(actor, wanted, page, size);
    return ResponseEntity.ok(found);
  }

  @GetMapping("/api/v1/duplicates/{id}")
  Duplicates.PairView pair(Actor actor, @PathVariable PairId id) {
    return duplicates.pair(actor, id);
  }

  @PostMapping("/api/v1/duplicates/{id}/decision")
  ResponseEntity<?> decide(
      Actor actor, @PathVariable PairId id, @RequestBody DecisionInput input, Locale locale) {
    Duplicates.Verdict verdict =
        input == null || input.decision() == null
            ? null
            : switch (input.decision().toLowerCase(Locale.ROOT)) {
              case "same" -> Duplicates.Verdict.SAME;
              case "different" -> Duplicates.Verdict.DIFFERENT;
              default -> null;
            };
    if (verdict == null) {
      return ResponseEntity.badRequest()
          .body(problems.of(HttpStatus.BAD_REQUEST, "duplicates.decision.invalid", locale));
    }
    Duplicates.Outcome outcome = duplicates.decide(actor, id, verdict, input.keep());
    if (outcome instanceof Duplicates.Outcome.Merged merged) {
      return ResponseEntity.ok(
          Map.of("decision", "same", "merge", merged.merge(), "survivor", merged.survivor()));
    }
    if (outcome instanceof Duplicates.Outcome.Different) {
      return ResponseEntity.ok(Map.of("decision", "different"));
    }
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problems.of(HttpStatus.CONFLICT, "duplicates.decided", locale));
  }

  @PostMapping("/api/v1/merges/{id}/undo")
  ResponseEntity<?> undo(Actor actor, @PathVariable MergeId id, Locale locale) {
    Duplicates.Undo undo = duplicates.undo(actor, id);
    if (undo == Duplicates.Undo.UNDONE) {
      return ResponseEntity.ok(Map.of("merge", id, "undone", true));
    }
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            problems.of(
                HttpStatus.CONFLICT,
                undo == Duplicates.Undo.ALREADY_UNDONE
                    ? "duplicates.undone"
                    : "duplicates.undoLaterFirst",
                locale));
  }
}
