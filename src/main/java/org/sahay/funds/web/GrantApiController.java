package org.sahay.funds.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.funds.Grant;
import org.sahay.funds.GrantId;
import org.sahay.funds.GrantInput;
import org.sahay.funds.Grants;
import org.sahay.funds.InstalmentInput;
import org.sahay.platform.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grants, their instalments and what was spent from them, as JSON; amounts in paise. */
@RestController
@RequestMapping("/api/v1/grants")
class GrantApiController {

  private final Grants grants;
  private final FundsAnswers answers;

  GrantApiController(Grants grants, FundsAnswers answers) {
    this.grants = grants;
    this.answers = answers;
  }

  @PostMapping
  ResponseEntity<?> create(Actor actor, @RequestBody GrantInput input, HttpServletRequest request) {
    return answers.created(
        grants.create(actor, input), request, g -> "/api/v1/grants/" + g.id(), g -> g);
  }

  @PostMapping("/{id}/instalments")
  ResponseEntity<?> instalment(
      Actor actor,
      @PathVariable GrantId id,
      @RequestBody InstalmentInput input,
      HttpServletRequest request) {
    return answers.created(
        grants.receiveInstalment(actor, id, input), request, g -> "/api/v1/grants/" + id, g -> g);
  }

  @GetMapping
  List<Grant> all(Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    return grants.all(actor, organisation);
  }

  @GetMapping("/{id}")
  Grant get(Actor actor, @PathVariable GrantId id) {
    return grants.get(actor, id);
  }
}
