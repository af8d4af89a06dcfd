package org.sahay.access.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sahay.access.FirstRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, quick exit and the neutral page quick exit leads to. */
@Controller
class SignInController {

  private final FirstRun firstRun;
  private final String quickExitTarget;

  SignInController(FirstRun firstRun, @Value("${sahay.quick-exit.url:/n}") String quickExitTarget) {
    this.firstRun = firstRun;
    this.quickExitTarget = quickExitTarget;
  }

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String locked,
      @RequestParam(required = false) String logout,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String setup,
      Model model) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    String messageKey = null;
    String alertKind = "info";
    if (locked != null) {
      messageKey = "login.locked";
      alertKind = "error";
    } else if (error != null) {
      messageKey = "login.failed";
      alertKind = "error";
    } else if (logout != null) {
      messageKey = "login.loggedOut";
    } else if (expired != null) {
      messageKey = "login.expired";
    } else if (setup != null && !firstRun.isOpen()) {
      messageKey = "login.setupDone";
    }
    model.addAttribute("messageKey", messageKey);
    model.addAttribute("alertKind", alertKind);
    model.addAttribute("lockedMinutes", parseMinutes(locked));
    model.addAttribute("setupOpen", firstRun.isOpen());
    return "access/login";
  }

  /**
   * Ends the session at once (no confirmation, no CSRF token needed: the worst a forged request can
   * do is sign someone out), wipes the browser's cookies and cache, and leaves for a neutral page.
   */
  @GetMapping("/quick-exit")
  String quickExit(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    for (String name : new String[] {"SESSION", "JSESSIONID"}) {
      Cookie cookie = new Cookie(name, "");
      cookie.setPath("/");
      cookie.setMaxAge(0);
      cookie.setHttpOnly(true);
      response.addCookie(cookie);
    }
    // Not "storage": that would delete what waits on a phone to be sent, recorded without a
    // network. It stays sealed under the offline PIN, whose key this exit has dropped; the page
    // clears local and session storage itself.
    response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\"");
    return "redirect:" + quickExitTarget;
  }

  @GetMapping("/n")
  String neutral() {
    return "platform/neutral";
  }

  private static int parseMinutes(String text) {
    try {
      return text == null ? 0 : Math.max(1, Math.min(1440, Integer.parseInt(text)));
    } catch (NumberFormatException e) {
      return 15;
    }
  }
}
