package org.sahay.access.web;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessTokens;
import org.sahay.access.Actor;
import org.sahay.access.MySessions;
import org.sahay.access.Passkeys;
import org.sahay.access.Users;
import org.sahay.platform.FormState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password, passkeys, personal access tokens and sessions. */
@Controller
class AccountController {

  record PasswordForm(String current, String password, String confirm) {}

  record TokenForm(String name) {}

  private final Users users;
  private final AccessTokens tokens;
  private final MySessions sessions;
  private final Passkeys passkeys;

  AccountController(Users users, AccessTokens tokens, MySessions sessions, Passkeys passkeys) {
    this.users = users;
    this.tokens = tokens;
    this.sessions = sessions;
    this.passkeys = passkeys;
  }

  @GetMapping("/account")
  String account(Actor actor, HttpSession session, Model model) {
    if (!model.containsAttribute("passwordForm")) {
      model.addAttribute("passwordForm", FormState.empty());
    }
    if (!model.containsAttribute("tokenForm")) {
      model.addAttribute("tokenForm", FormState.empty());
    }
    if (!model.containsAttribute("newToken")) {
      model.addAttribute("newToken", null);
    }
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    model.addAttribute("actor", actor);
    model.addAttribute("tokens", tokens.of(actor));
    model.addAttribute("passkeys", passkeys.of(actor));
    model.addAttribute("sessions", sessions.of(actor, session.getId()));
    return "access/account";
  }

  @PostMapping("/account/sessions/{handle}/end")
  String endSession(
      Actor actor, @PathVariable String handle, HttpSession session, RedirectAttributes redirect) {
    if (sessions.end(actor, handle, session.getId())) {
      redirect.addFlashAttribute("notice", "account.sessions.ended");
    }
    return "redirect:/account";
  }

  @PostMapping("/account/sessions/end-others")
  String endOtherSessions(Actor actor, HttpSession session, RedirectAttributes redirect) {
    sessions.endOthers(actor, session.getId());
    redirect.addFlashAttribute("notice", "account.sessions.ended");
    return "redirect:/account";
  }

  @PostMapping("/account/password")
  String changePassword(
      Actor actor, PasswordForm form, HttpSession session, RedirectAttributes redirect) {
    if (form.password() == null || !form.password().equals(form.confirm())) {
      redirect.addFlashAttribute(
          "passwordForm", FormState.of(Map.of(), Map.of("confirm", "password.mismatch")));
      return "redirect:/account";
    }
    var outcome = users.changePassword(actor, form.current(), form.password(), session.getId());
    if (outcome instanceof Users.Outcome.Refused refused) {
      redirect.addFlashAttribute(
          "passwordForm", FormState.of(Map.of(), Map.of(refused.field(), refused.messageKey())));
    } else {
      redirect.addFlashAttribute("notice", "password.changed");
    }
    return "redirect:/account";
  }

  @PostMapping("/account/tokens")
  String createToken(Actor actor, TokenForm form, RedirectAttributes redirect) {
    String name = form.name() == null ? "" : form.name().trim();
    if (name.isEmpty() || name.length() > 100) {
      redirect.addFlashAttribute(
          "tokenForm", FormState.of(Map.of("name", name), Map.of("name", "token.name.invalid")));
      return "redirect:/account";
    }
    var created = tokens.issue(actor, name, "page");
    // Shown once, on the next page only; flash attributes live in the session briefly.
    redirect.addFlashAttribute("newToken", created.secret());
    return "redirect:/account";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeToken(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
    if (tokens.revoke(actor, id)) {
      redirect.addFlashAttribute("notice", "token.revoked");
    }
    return "redirect:/account";
  }
}
