package org.sahay.forms.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.sahay.forms.FieldError;
import org.sahay.forms.FormLibrary;
import org.sahay.forms.FormProblem;
import org.sahay.forms.SubmissionId;
import org.sahay.forms.Submissions;
import org.sahay.needs.RecordedNeed;
import org.sahay.platform.Language;
import org.sahay.platform.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Questionnaires and filled forms over JSON. Uploads are XLSForm workbooks (.xlsx). */
@RestController
@RequestMapping("/api/v1")
class FormApiController {

  /** A form as listed: no definition, which {@code GET /api/v1/forms/{formId}} gives. */
  record Listed(String formId, String version, String title, boolean builtIn, boolean sensitive) {}

  private final FormLibrary library;
  private final Submissions submissions;
  private final Problems problems;
  private final MessageSource messages;

  FormApiController(
      FormLibrary library, Submissions submissions, Problems problems, MessageSource messages) {
    this.library = library;
    this.submissions = submissions;
    this.problems = problems;
    this.messages = messages;
  }

  /** Uploads an XLSForm as a multipart field named file. */
  @CheckedBeforeBody("FORM_MANAGE")
  @PostMapping(path = "/forms", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> upload(
      Actor actor, @RequestParam("file") MultipartFile file, HttpServletRequest request)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return uploaded(library.upload(actor, in), request);
    }
  }

  /** Uploads an XLSForm as the request body. */
  @CheckedBeforeBody("FORM_MANAGE")
  @PostMapping(
      path = "/forms",
      consumes = {
        MediaType.APPLICATION_OCTET_STREAM_VALUE,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      })
  ResponseEntity<?> uploadBody(Actor actor, HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return uploaded(library.upload(actor, in), request);
    }
  }

  @GetMapping("/forms")
  List<Listed> list(Actor actor) {
    return library.available(actor).stream()
        .map(f -> new Listed(f.formId(), f.version(), f.title(), f.builtIn(), f.sensitive()))
        .toList();
  }

  /** The current definition of a form, as JSON (questions, choices, labels per language). */
  @GetMapping(path = "/forms/{formId}", produces = MediaType.APPLICATION_JSON_VALUE)
  String definition(Actor actor, @PathVariable String formId) {
    return library.current(actor, formId).definition().toJson();
  }

  @PostMapping("/forms/{formId}/submissions")
  ResponseEntity<?> submit(
      Actor actor,
      @PathVariable String formId,
      @RequestBody Submissions.Input input,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    var outcome = submissions.submit(actor, formId, input, Language.of(locale));
    if (outcome instanceof Submissions.Outcome.Saved saved) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", saved.id());
      body.put("formId", saved.formId());
      body.put("version", saved.version());
      body.put("needs", saved.needs().stream().map(FormApiController::need).toList());
      return ResponseEntity.created(URI.create("/api/v1/form-submissions/" + saved.id()))
          .body(body);
    }
    Map<String, FieldError> errors = ((Submissions.Outcome.Invalid) outcome).errors();
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
    Map<String, String> texts = new LinkedHashMap<>();
    errors.forEach(
        (field, error) ->
            texts.put(
                field,
                error.hasFormText()
                    ? error.formText()
                    : messages.getMessage(
                        error.messageKey(), error.args().toArray(), error.messageKey(), locale)));
    problem.setProperty("errors", texts);
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @GetMapping("/form-submissions/{id}")
  Submissions.Stored submission(Actor actor, @PathVariable SubmissionId id) {
    return submissions.get(actor, id);
  }

  private ResponseEntity<?> uploaded(FormLibrary.Upload upload, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (upload instanceof FormLibrary.Upload.Stored stored) {
      var f = stored.form();
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(new Listed(f.formId(), f.version(), f.title(), f.builtIn(), f.sensitive()));
    }
    List<FormProblem> found = ((FormLibrary.Upload.Refused) upload).problems();
    ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "forms.refused", locale);
    problem.setProperty(
        "problems",
        found.stream()
            .map(
                p -> {
                  Map<String, Object> one = new LinkedHashMap<>();
                  one.put("sheet", p.sheet());
                  one.put("row", p.row());
                  one.put(
                      "message",
                      messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale));
                  return one;
                })
            .toList());
    return ResponseEntity.unprocessableContent()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * A need the submission recorded; {@code updated}: an open need of the category was brought up to
   * date.
   */
  private static Map<String, Object> need(RecordedNeed need) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("id", need.need());
    one.put("category", need.category());
    one.put("severity", need.severity());
    one.put("updated", need.updated());
    if (need.updated()) {
      one.put("was", need.was());
    }
    return one;
  }
}
