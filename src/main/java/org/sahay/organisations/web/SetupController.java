package org.sahay.organisations.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Setup;
import org.sahay.platform.FormState;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First run only: gone (404) as soon as any user exists. */
@Controller
class SetupController {

  record SetupForm(
      String code,
      String username,
      String password,
      String confirm,
      String language,
      String name,
      String kind,
      String state,
      String district,
      String shortCode,
      String defaultLanguage,
      String timeZone) {}

  private final Setup setup;

  SetupController(Setup setup) {
    this.setup = setup;
  }

  @GetMapping("/setup")
  String form(Model model) {
    if (!setup.isOpen()) {
      throw new NotFoundException();
    }
    model.addAttribute(
        "form",
        FormState.of(Map.of("timeZone", org.sahay.platform.IndianFormats.INDIA.getId()), Map.of()));
    return "organisations/setup";
  }

  @PostMapping("/setup")
  String complete(SetupForm form, Model model, RedirectAttributes redirect) {
    if (!setup.isOpen()) {
      throw new NotFoundException();
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (form.password() == null || !form.password().equals(form.confirm())) {
      errors.put("confirm", "password.mismatch");
    } else {
      var outcome =
          setup.complete(
              form.code(),
              form.username(),
              form.password(),
              Language.fromCode(form.language()).orElse(Language.EN),
              new NewOrganisation(
                  form.name(),
                  form.kind(),
                  form.state(),
                  form.district(),
                  form.shortCode(),
                  form.defaultLanguage(),
                  form.timeZone()));
      if (outcome instanceof Setup.Outcome.Invalid invalid) {
        errors.putAll(invalid.errors());
      }
    }
    if (errors.isEmpty()) {
      return "redirect:/login?setup";
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("username", form.username());
    values.put("language", form.language());
    values.put("name", form.name());
    values.put("kind", form.kind());
    values.put("state", form.state());
    values.put("district", form.district());
    values.put("shortCode", form.shortCode());
    values.put("defaultLanguage", form.defaultLanguage());
    values.put("timeZone", form.timeZone());
    model.addAttribute("form", FormState.of(values, errors));
    return "organisations/setup";
  }
}
