package org.sahay.access.web;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessTokens;
import org.sahay.access.Actor;
import org.sahay.access.Users;
import org.sahay.platform.FormState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and personal access tokens. */
@Controller
class AccountController {

  record PasswordForm(String current, String password, String confirm) {}

  record TokenForm(String name) {}

  private final Users users;
  private final AccessTokens tokens;

  AccountController(Users users, AccessTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @GetMapping("/account")
  String account(Actor actor, Model model) {
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
    return "access/account";
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
