package org.sahay.forms.web;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.forms.Evaluation;
import org.sahay.forms.FormDefinition;
import org.sahay.forms.FormLibrary;
import org.sahay.forms.Page;
import org.sahay.forms.Question;
import org.sahay.forms.QuestionType;
import org.sahay.forms.Submissions;
import org.sahay.organisations.Today;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Filling a form on a phone without JavaScript: one group per page, each page posted to the server,
 * the answers so far kept in the session (never in an address), pages that do not apply skipped, a
 * review, then the needs the answers raised.
 */
@Controller
class FormPagesController {

  private final FormLibrary library;
  private final Submissions submissions;
  private final Households households;
  private final AccessPolicy policy;
  private final Drafts drafts;
  private final MessageSource messages;

  private final Today today;

  FormPagesController(
      FormLibrary library,
      Submissions submissions,
      Households households,
      AccessPolicy policy,
      Drafts drafts,
      MessageSource messages,
      Today today) {
    this.today = today;
    this.library = library;
    this.submissions = submissions;
    this.households = households;
    this.policy = policy;
    this.drafts = drafts;
    this.messages = messages;
  }

  @GetMapping("/forms")
  String list(
      Actor actor,
      @RequestParam(required = false) String member,
      @RequestParam(required = false) String household,
      Model model) {
    Subject subject =
        member == null && household == null ? null : subject(actor, member, household);
    boolean sensitive = maySeeSensitive(actor);
    List<ListedForm> forms = new ArrayList<>();
    for (FormLibrary.Available form : library.available(actor)) {
      if (!form.sensitive() || sensitive) {
        forms.add(new ListedForm(form.formId(), title(form)));
      }
    }
    model.addAttribute("forms", forms);
    model.addAttribute("subjectQuery", subject == null ? null : subject.query());
    model.addAttribute("subjectPath", subject == null ? null : subject.path());
    model.addAttribute("subject", subject == null ? null : subject.label());
    return "forms/list";
  }

  @GetMapping("/forms/{formId}/fill")
  String start(
      Actor actor,
      @PathVariable String formId,
      @RequestParam(required = false) String member,
      @RequestParam(required = false) String household,
      HttpSession session,
      Locale locale) {
    if (member == null && household == null) {
      return "redirect:/forms";
    }
    FormLibrary.Available form = fillable(actor, formId);
    Subject subject = subject(actor, member, household);
    FormDraft draft =
        drafts.start(
            session, form.formId(), subject.member(), subject.household(), subject.label());
    List<Page> pages = form.definition().pages(evaluate(actor, form, Map.of(), locale));
    return "redirect:" + next(draft, pages, 0);
  }

  @GetMapping("/forms/drafts/{draftId}/pages/{number}")
  String page(
      Actor actor,
      @PathVariable String draftId,
      @PathVariable int number,
      HttpSession session,
      Locale locale,
      Model model) {
    FormDraft draft = draft(session, draftId);
    if (draft.submitted()) {
      return "redirect:/forms/drafts/" + draftId + "/done";
    }
    FormLibrary.Available form = fillable(actor, draft.formId());
    Map<String, String> answers = drafts.answers(draft);
    Evaluation evaluation = evaluate(actor, form, answers, locale);
    List<Page> pages = form.definition().pages(evaluation);
    if (number < 1 || number > pages.size() || !pages.get(number - 1).relevant()) {
      return "redirect:" + next(draft, pages, Math.max(0, number));
    }
    return render(form, draft, pages, number, answers, evaluation, locale, model);
  }

  @PostMapping("/forms/drafts/{draftId}/pages/{number}")
  String answer(
      Actor actor,
      @PathVariable String draftId,
      @PathVariable int number,
      @RequestParam MultiValueMap<String, String> params,
      HttpSession session,
      Locale locale,
      Model model) {
    FormDraft draft = draft(session, draftId);
    if (draft.submitted()) {
      return "redirect:/forms/drafts/" + draftId + "/done";
    }
    FormLibrary.Available form = fillable(actor, draft.formId());
    Map<String, String> answers = new LinkedHashMap<>(drafts.answers(draft));
    List<Page> before = form.definition().pages(evaluate(actor, form, answers, locale));
    if (number < 1 || number > before.size()) {
      throw new NotFoundException();
    }
    for (Question q : before.get(number - 1).questions()) {
      if (QuestionView.isInput(q)) {
        List<String> given = params.getOrDefault("q." + q.name(), List.of());
        answers.put(q.name(), String.join(" ", given.stream().map(String::strip).toList()).strip());
      }
    }
    draft = drafts.withAnswers(draft, answers);
    drafts.save(session, draft);
    Evaluation evaluation = evaluate(actor, form, answers, locale);
    List<Page> pages = form.definition().pages(evaluation);
    if ("previous".equals(params.getFirst("go"))) {
      return "redirect:" + previous(draft, pages, number);
    }
    if (pages.get(number - 1).relevant() && !complete(pages.get(number - 1), answers, evaluation)) {
      return render(form, draft, pages, number, answers, evaluation, locale, model);
    }
    return "redirect:" + next(draft, pages, number);
  }

  @GetMapping("/forms/drafts/{draftId}/review")
  String review(
      Actor actor, @PathVariable String draftId, HttpSession session, Locale locale, Model model) {
    FormDraft draft = draft(session, draftId);
    if (draft.submitted()) {
      return "redirect:/forms/drafts/" + draftId + "/done";
    }
    FormLibrary.Available form = fillable(actor, draft.formId());
    Map<String, String> answers = drafts.answers(draft);
    Evaluation evaluation = evaluate(actor, form, answers, locale);
    List<Page> pages = form.definition().pages(evaluation);
    Optional<Page> unfinished = firstUnfinished(pages, answers, evaluation);
    if (unfinished.isPresent()) {
      return "redirect:" + pagePath(draft, unfinished.get().number());
    }
    Language language = Language.of(locale);
    FormDefinition definition = form.definition();
    List<ReviewedPage> reviewed = new ArrayList<>();
    for (Page page : pages) {
      if (!page.relevant()) {
        continue;
      }
      List<Map.Entry<String, String>> rows = new ArrayList<>();
      for (Question q : page.questions()) {
        if (QuestionView.isInput(q)) {
          rows.add(
              Map.entry(
                  q.label().in(language, definition.defaultLanguage()),
                  QuestionView.shown(definition, q, answers.getOrDefault(q.name(), ""), language)));
        }
      }
      if (!rows.isEmpty()) {
        reviewed.add(new ReviewedPage(page.number(), pageTitle(definition, page, language), rows));
      }
    }
    model.addAttribute("title", title(form));
    model.addAttribute("draft", draft);
    model.addAttribute("pages", reviewed);
    model.addAttribute("back", previous(draft, pages, pages.size() + 1));
    return "forms/review";
  }

  @PostMapping("/forms/drafts/{draftId}/submit")
  String submit(Actor actor, @PathVariable String draftId, HttpSession session, Locale locale) {
    FormDraft draft = draft(session, draftId);
    if (draft.submitted()) {
      return "redirect:/forms/drafts/" + draftId + "/done";
    }
    FormLibrary.Available form = fillable(actor, draft.formId());
    Map<String, String> answers = drafts.answers(draft);
    var outcome =
        submissions.submit(
            actor,
            form.formId(),
            new Submissions.Input(draft.memberId(), draft.householdId(), answers),
            Language.of(locale));
    if (outcome instanceof Submissions.Outcome.Saved saved) {
      List<FormDraft.Raised> raised =
          saved.needs().stream()
              .map(
                  n ->
                      new FormDraft.Raised(
                          n.category().name(),
                          n.severity().name(),
                          n.updated() ? n.was().name() : null))
              .toList();
      drafts.save(session, drafts.submitted(draft, saved.id(), raised));
      return "redirect:/forms/drafts/" + draftId + "/done";
    }
    Evaluation evaluation = evaluate(actor, form, answers, locale);
    List<Page> pages = form.definition().pages(evaluation);
    return "redirect:"
        + firstUnfinished(pages, answers, evaluation)
            .map(p -> pagePath(draft, p.number()))
            .orElse("/forms/drafts/" + draftId + "/review");
  }

  @GetMapping("/forms/drafts/{draftId}/done")
  String done(Actor actor, @PathVariable String draftId, HttpSession session, Model model) {
    FormDraft draft = draft(session, draftId);
    if (!draft.submitted()) {
      return "redirect:/forms/drafts/" + draftId + "/review";
    }
    model.addAttribute("title", title(fillable(actor, draft.formId())));
    model.addAttribute("draft", draft);
    return "forms/done";
  }

  private String render(
      FormLibrary.Available form,
      FormDraft draft,
      List<Page> pages,
      int number,
      Map<String, String> answers,
      Evaluation evaluation,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    Page page = pages.get(number - 1);
    List<Page> shown = pages.stream().filter(Page::relevant).toList();
    model.addAttribute("title", title(form));
    model.addAttribute("draft", draft);
    model.addAttribute("heading", pageTitle(form.definition(), page, language));
    model.addAttribute("number", number);
    model.addAttribute("position", shown.indexOf(page) + 1);
    model.addAttribute("count", shown.size());
    model.addAttribute("first", shown.indexOf(page) == 0);
    model.addAttribute(
        "questions",
        QuestionView.of(form.definition(), page, answers, evaluation, language, messages));
    model.addAttribute(
        "hasErrors",
        page.questions().stream()
            .anyMatch(
                q -> answers.containsKey(q.name()) && evaluation.errors().containsKey(q.name())));
    return "forms/page";
  }

  /** Every answer on the page given, and none of them wrong. */
  private static boolean complete(Page page, Map<String, String> answers, Evaluation evaluation) {
    return page.questions().stream()
        .filter(QuestionView::isInput)
        .allMatch(q -> answers.containsKey(q.name()) && !evaluation.errors().containsKey(q.name()));
  }

  private static Optional<Page> firstUnfinished(
      List<Page> pages, Map<String, String> answers, Evaluation evaluation) {
    return pages.stream()
        .filter(p -> p.relevant() && !complete(p, answers, evaluation))
        .findFirst();
  }

  /** The first relevant page after page {@code after}, else the review. */
  private static String next(FormDraft draft, List<Page> pages, int after) {
    for (int n = after + 1; n <= pages.size(); n++) {
      if (pages.get(n - 1).relevant()) {
        return pagePath(draft, n);
      }
    }
    return "/forms/drafts/" + draft.id() + "/review";
  }

  /** The last relevant page before page {@code before}, else the first relevant page. */
  private static String previous(FormDraft draft, List<Page> pages, int before) {
    for (int n = Math.min(before, pages.size() + 1) - 1; n >= 1; n--) {
      if (pages.get(n - 1).relevant()) {
        return pagePath(draft, n);
      }
    }
    return next(draft, pages, 0);
  }

  private static String pagePath(FormDraft draft, int number) {
    return "/forms/drafts/" + draft.id() + "/pages/" + number;
  }

  private String pageTitle(FormDefinition form, Page page, Language language) {
    boolean group =
        form.question(page.name()).map(q -> q.type() == QuestionType.GROUP).orElse(false);
    return group ? page.label().in(language, form.defaultLanguage()) : "";
  }

  /** Built-in forms have their titles translated; uploaded ones keep their own. */
  private String title(FormLibrary.Available form) {
    if (form.builtIn()) {
      return messages.getMessage(
          "forms.title." + form.formId(), null, form.title(), LocaleContextHolder.getLocale());
    }
    return form.title();
  }

  private FormDraft draft(HttpSession session, String id) {
    return drafts.find(session, id).orElseThrow(NotFoundException::new);
  }

  /** The form, if the actor may fill it; screenings only with the sensitive-data permission. */
  private FormLibrary.Available fillable(Actor actor, String formId) {
    FormLibrary.Available form = library.current(actor, formId);
    if (form.sensitive() && !maySeeSensitive(actor)) {
      throw new NotFoundException();
    }
    return form;
  }

  /** Evaluated as of today where the actor's collective is (a visit date may not be after it). */
  private Evaluation evaluate(
      Actor actor, FormLibrary.Available form, Map<String, String> answers, Locale locale) {
    return form.definition().evaluate(answers, Language.of(locale), today.at(actor.organisation()));
  }

  /** Whom a form is about: a member or a household of the actor's collective, else 404. */
  private record Subject(String member, String household, String label) {
    String path() {
      return member != null ? "/members/" + member : "/households/" + household;
    }

    String query() {
      return member != null ? "member=" + member : "household=" + household;
    }
  }

  private Subject subject(Actor actor, String member, String household) {
    try {
      if (member != null && !member.isBlank()) {
        MemberId id = MemberId.of(member);
        var people = households.people(actor, List.of(id));
        if (people.isEmpty()) {
          throw new NotFoundException();
        }
        return new Subject(id.toString(), null, people.get(0).code());
      }
      if (household != null && !household.isBlank()) {
        HouseholdId id = HouseholdId.of(household);
        households.get(actor, id);
        return new Subject(null, id.toString(), "");
      }
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
    throw new NotFoundException();
  }

  private boolean maySeeSensitive(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, AccessAction.SENSITIVE_READ, actor.organisation());
  }
}
