package org.sahay.needs.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.needs.NeedId;
import org.sahay.needs.NeedStatus;
import org.sahay.needs.NeedView;
import org.sahay.needs.Needs;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The needs register over JSON. */
@RestController
@RequestMapping("/api/v1/needs")
class NeedApiController {

  private final Needs needs;
  private final Problems problems;

  NeedApiController(Needs needs, Problems problems) {
    this.needs = needs;
    this.problems = problems;
  }

  @GetMapping
  List<NeedView> list(
      Actor actor,
      @RequestParam(required = false) NeedStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return needs.list(actor, status, page, size);
  }

  @GetMapping("/{id}")
  Map<String, Object> get(Actor actor, @PathVariable NeedId id) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("need", needs.get(actor, id));
    body.put("history", needs.history(actor, id));
    return body;
  }

  @PostMapping
  ResponseEntity<?> record(
      Actor actor, @RequestBody Needs.Input input, HttpServletRequest request) {
    return answer(needs.record(actor, input), request, true);
  }

  @PostMapping("/{id}/status")
  ResponseEntity<?> change(
      Actor actor,
      @PathVariable NeedId id,
      @RequestBody Needs.Change change,
      HttpServletRequest request) {
    return answer(needs.change(actor, id, change), request, false);
  }

  private ResponseEntity<?> answer(
      Needs.Outcome outcome, HttpServletRequest request, boolean created) {
    if (outcome instanceof Needs.Outcome.Saved saved) {
      return created
          ? ResponseEntity.created(URI.create("/api/v1/needs/" + saved.need().id()))
              .body(saved.need())
          : ResponseEntity.ok(saved.need());
    }
    if (outcome instanceof Needs.Outcome.Stale stale) {
      var problem =
          problems.of(HttpStatus.CONFLICT, "need.stale", RequestContextUtils.getLocale(request));
      problem.setProperty("currentVersion", stale.currentVersion());
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return problems.invalid(
        ((Needs.Outcome.Invalid) outcome).errors(), RequestContextUtils.getLocale(request));
  }
}
