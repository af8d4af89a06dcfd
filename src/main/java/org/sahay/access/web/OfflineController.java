package org.sahay.access.web;

import java.util.Map;
import org.sahay.access.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The phone's side of working without a network: the page where a leader sets her offline PIN and
 * sees what waits to be sent (and any conflict to decide), and the small call a phone makes before
 * it replays, to learn that the network is back, who is signed in and the CSRF token to send.
 */
@Controller
class OfflineController {

  @GetMapping("/offline")
  String page() {
    return "access/offline";
  }

  @GetMapping("/sync/v1/session")
  @ResponseBody
  ResponseEntity<Map<String, String>> session(Actor actor, CsrfToken csrf) {
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .body(
            Map.of(
                "user", actor.username(),
                "csrfHeader", csrf.getHeaderName(),
                "csrfToken", csrf.getToken()));
  }
}
