package org.sahay.entitlements.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.EntitlementAction;
import org.sahay.entitlements.EntitlementOutcome;
import org.sahay.entitlements.Entitlements;
import org.sahay.entitlements.Scheme;
import org.sahay.entitlements.SchemeId;
import org.sahay.entitlements.SchemeLevel;
import org.sahay.entitlements.Schemes;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.DocumentType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme catalogue: the shared list and the organisation's own schemes, with how many of its
 * members stand where with each; forms to add and change a scheme (the shared list for system
 * admins, local ones for an organisation's admins and leaders).
 */
@Controller
class SchemePagesController {

  private final Schemes schemes;
  private final Entitlements entitlements;
  private final AccessPolicy policy;

  SchemePagesController(Schemes schemes, Entitlements entitlements, AccessPolicy policy) {
    this.schemes = schemes;
    this.entitlements = entitlements;
    this.policy = policy;
  }

  @GetMapping("/entitlements")
  String catalogue(Actor actor, Model model) {
    model.addAttribute("schemes", schemes.list(actor));
    model.addAttribute(
        "counts",
        actor.organisation() != null
                && policy.permits(actor, EntitlementAction.ENTITLEMENT_READ, actor.organisation())
            ? entitlements.counts(actor)
            : Map.of());
    model.addAttribute("canAdd", mayAdd(actor));
    model.addAttribute("mayEditShared", actor.organisation() == null);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "entitlements/schemes";
  }

  @GetMapping("/entitlements/schemes/new")
  String newScheme(Actor actor, Model model) {
    if (!mayAdd(actor)) {
      throw new NotFoundException();
    }
    return form(model, null, FormState.of(Map.of("level", "STATE"), Map.of()), List.of());
  }

  @PostMapping("/entitlements/schemes")
  String create(
      Actor actor,
      Schemes.Input form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = schemes.create(actor, form);
    if (outcome instanceof EntitlementOutcome.Saved<Scheme>) {
      redirect.addFlashAttribute("notice", "entitlements.scheme.saved");
      return "redirect:/entitlements";
    }
    return form(model, null, FormState.of(form, binding, errors(outcome)), form.documents());
  }

  @GetMapping("/entitlements/schemes/{id}/edit")
  String edit(Actor actor, @PathVariable SchemeId id, Model model) {
    Scheme scheme = schemes.get(actor, id);
    if (!mayEdit(actor, scheme)) {
      throw new NotFoundException();
    }
    return form(
        model,
        scheme,
        FormState.of(values(scheme), Map.of()),
        scheme.documents().stream().map(Enum::name).toList());
  }

  @PostMapping("/entitlements/schemes/{id}")
  String update(
      Actor actor,
      @PathVariable SchemeId id,
      Schemes.Input form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = schemes.update(actor, id, form);
    if (outcome instanceof EntitlementOutcome.Saved<Scheme>) {
      redirect.addFlashAttribute("notice", "entitlements.scheme.saved");
      return "redirect:/entitlements";
    }
    Scheme current = schemes.get(actor, id);
    Map<String, String> values =
        new LinkedHashMap<>(FormState.of(form, binding, Map.of()).values());
    values.put("code", current.code());
    values.put("version", String.valueOf(current.version()));
    return form(model, current, FormState.of(values, errors(outcome)), form.documents());
  }

  private String form(Model model, Scheme scheme, FormState form, List<String> documents) {
    model.addAttribute("scheme", scheme);
    model.addAttribute("form", form);
    model.addAttribute("checked", documents == null ? List.of() : documents);
    model.addAttribute("documentTypes", List.of(DocumentType.values()));
    model.addAttribute("levels", List.of(SchemeLevel.values()));
    return "entitlements/scheme-form";
  }

  private static Map<String, String> errors(EntitlementOutcome<Scheme> outcome) {
    return outcome instanceof EntitlementOutcome.Invalid<Scheme> invalid
        ? invalid.errors()
        : Map.of("version", "scheme.stale");
  }

  private static Map<String, String> values(Scheme s) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", s.code());
    v.put("nameEn", s.names().en());
    v.put("nameHi", s.names().hi());
    v.put("nameTe", s.names().te());
    v.put("nameBn", s.names().bn());
    v.put("level", s.level().name());
    v.put("state", s.state());
    v.put("perHousehold", String.valueOf(s.perHousehold()));
    v.put("gives", s.gives());
    v.put("eligibility", s.eligibility());
    v.put("whereToApply", s.whereToApply());
    v.put("grants", s.grants() == null ? null : s.grants().name());
    v.put("grantsDetail", s.grantsDetail());
    v.put("version", String.valueOf(s.version()));
    return v;
  }

  private boolean mayAdd(Actor actor) {
    return actor.organisation() == null
        ? policy.permits(actor, EntitlementAction.SCHEME_SHARED_WRITE, null)
        : policy.permits(actor, EntitlementAction.SCHEME_WRITE, actor.organisation());
  }

  private boolean mayEdit(Actor actor, Scheme scheme) {
    return scheme.shared()
        ? policy.permits(actor, EntitlementAction.SCHEME_SHARED_WRITE, null)
        : policy.permits(actor, EntitlementAction.SCHEME_WRITE, scheme.organisation());
  }
}
