package org.sahay.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sahay.access.Actor;
import org.sahay.access.SecondFactors;
import org.sahay.access.internal.SecondFactorStep;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor's pages: the code asked after the password, and turning the factor on (with a
 * secret shown once and a first code to prove the app has it) or off.
 */
@Controller
class SecondFactorController {

  /** Codes refused in one sign-in before it is ended and the password is asked again. */
  static final int MAX_FAILURES = 5;

  private static final String ENROLMENT = "sahay.second-factor.enrolment";

  private final SecondFactors factors;

  SecondFactorController(SecondFactors factors) {
    this.factors = factors;
  }

  @GetMapping("/login/code")
  String codePage(Actor actor, HttpSession session, Model model) {
    if (session.getAttribute(SecondFactorStep.PENDING) == null) {
      return "redirect:/";
    }
    if (!factors.enrolled(actor)) {
      return "redirect:/account/second-factor";
    }
    return withMessage(model, "access/login-code");
  }

  @PostMapping("/login/code")
  String code(
      Actor actor,
      @RequestParam(required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    HttpSession session = request.getSession();
    if (session.getAttribute(SecondFactorStep.PENDING) == null) {
      return "redirect:/";
    }
    if (factors.enrolled(actor) && factors.verify(actor, code)) {
      session.removeAttribute(SecondFactorStep.PENDING);
      session.removeAttribute(SecondFactorStep.FAILURES);
      return "redirect:" + SecondFactorStep.afterCode(request, response);
    }
    Integer failures = (Integer) session.getAttribute(SecondFactorStep.FAILURES);
    int now = failures == null ? 1 : failures + 1;
    if (now >= MAX_FAILURES) {
      session.invalidate();
      return "redirect:/login?error";
    }
    session.setAttribute(SecondFactorStep.FAILURES, now);
    redirect.addFlashAttribute("messageKey", "secondFactor.code.wrong");
    return "redirect:/login/code";
  }

  @GetMapping("/account/second-factor")
  String settings(Actor actor, HttpSession session, Model model) {
    boolean enrolled = factors.enrolled(actor);
    String key = null;
    String uri = null;
    if (!enrolled && factors.mode() != SecondFactors.Mode.OFF) {
      var enrolment = factors.start(actor, (byte[]) session.getAttribute(ENROLMENT));
      session.setAttribute(ENROLMENT, enrolment.sealed());
      key = enrolment.key();
      uri = enrolment.uri();
    }
    model.addAttribute("enrolled", enrolled);
    model.addAttribute("required", factors.required(actor));
    model.addAttribute("pending", session.getAttribute(SecondFactorStep.PENDING) != null);
    model.addAttribute("key", key);
    model.addAttribute("uri", uri);
    return withMessage(model, "access/second-factor");
  }

  @PostMapping("/account/second-factor")
  String turnOn(
      Actor actor,
      @RequestParam(required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    HttpSession session = request.getSession();
    byte[] sealed = (byte[]) session.getAttribute(ENROLMENT);
    if (sealed == null || factors.enrolled(actor) || !factors.confirm(actor, sealed, code)) {
      redirect.addFlashAttribute("messageKey", "secondFactor.enrol.wrong");
      return "redirect:/account/second-factor";
    }
    session.removeAttribute(ENROLMENT);
    if (session.getAttribute(SecondFactorStep.PENDING) != null) {
      // Enrolled during a sign-in that required it: the code just given completes the sign-in.
      session.removeAttribute(SecondFactorStep.PENDING);
      return "redirect:" + SecondFactorStep.afterCode(request, response);
    }
    redirect.addFlashAttribute("messageKey", "secondFactor.enrol.on");
    return "redirect:/account/second-factor";
  }

  @PostMapping("/account/second-factor/off")
  String turnOff(
      Actor actor,
      @RequestParam(required = false) String code,
      HttpSession session,
      RedirectAttributes redirect) {
    if (session.getAttribute(SecondFactorStep.PENDING) != null || !factors.turnOff(actor, code)) {
      redirect.addFlashAttribute("messageKey", "secondFactor.off.refused");
      return "redirect:/account/second-factor";
    }
    redirect.addFlashAttribute("messageKey", "secondFactor.enrol.off");
    return "redirect:/account/second-factor";
  }

  /** The page, with the message a redirect left for it, or none. */
  private static String withMessage(Model model, String page) {
    if (!model.containsAttribute("messageKey")) {
      model.addAttribute("messageKey", null);
    }
    return page;
  }
}
