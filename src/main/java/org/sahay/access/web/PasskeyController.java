package org.sahay.access.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.access.Passkeys;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own passkeys: the options to make one and the browser's answer (JSON, from
 * {@code /js/passkeys.js} on the account page), and removing one (a plain form). The challenge
 * waits in the session, for one answer only.
 */
@Controller
class PasskeyController {

  static final String CHALLENGE = "sahay.passkey.challenge";
  static final String ISSUED = "sahay.passkey.issued";
  static final String FOR = "sahay.passkey.for";

  private final Passkeys passkeys;
  private final Problems problems;
  private final Clock clock;

  PasskeyController(Passkeys passkeys, Problems problems, Clock clock) {
    this.passkeys = passkeys;
    this.problems = problems;
    this.clock = clock;
  }

  @PostMapping(value = "/account/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  String options(Actor actor, HttpSession session) {
    Passkeys.Started started = passkeys.start(actor);
    session.setAttribute(CHALLENGE, started.challenge());
    session.setAttribute(ISSUED, clock.instant());
    // For this user only: a session that signs in as another keeps its attributes.
    session.setAttribute(FOR, actor.id().value().toString());
    return started.optionsJson();
  }

  @PostMapping(value = "/account/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> add(Actor actor, @RequestBody String body, HttpSession session, Locale locale) {
    boolean theirs = actor.id().value().toString().equals(session.getAttribute(FOR));
    byte[] challenge =
        theirs && session.getAttribute(CHALLENGE) instanceof byte[] held ? held : null;
    Instant issued = session.getAttribute(ISSUED) instanceof Instant at ? at : null;
    session.removeAttribute(CHALLENGE);
    session.removeAttribute(ISSUED);
    session.removeAttribute(FOR);
    Passkeys.Outcome outcome = passkeys.finish(actor, challenge, issued, body);
    if (outcome instanceof Passkeys.Outcome.Added added) {
      return ResponseEntity.ok(Map.of("success", true, "id", added.id().toString()));
    }
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problems.of(
                HttpStatus.BAD_REQUEST, ((Passkeys.Outcome.Refused) outcome).messageKey(), locale));
  }

  @PostMapping("/account/passkeys/{id}/remove")
  String remove(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
    if (passkeys.remove(actor, id)) {
      redirect.addFlashAttribute("notice", "passkey.removed");
    }
    return "redirect:/account";
  }
}
