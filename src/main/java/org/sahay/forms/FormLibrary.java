package org.sahay.forms;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.forms.internal.FormStore;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaires a collective can fill: the built-in ones and the XLSForms it uploaded, each
 * version kept as given. A version is stored once; uploading the same form id and version with
 * other content is refused, so answers always meet the definition they were given against.
 */
@Service
public class FormLibrary {

  /** A form as the collective uses it now. */
  public record Available(
      UUID versionId,
      String formId,
      String version,
      String title,
      boolean builtIn,
      boolean sensitive,
      FormDefinition definition) {}

  /** The outcome of an upload. */
  public sealed interface Upload {
    record Stored(Available form) implements Upload {}

    record Refused(List<FormProblem> problems) implements Upload {}
  }

  /** Forms whose answers are sensitive data: shown only with the sensitive-data permission. */
  private static final List<String> SENSITIVE_BUILT_INS = List.of("phq9", "gad7");

  private final FormStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;

  FormLibrary(FormStore store, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
  }

  /** Reads, checks and stores an XLSForm for the actor's collective. */
  @Transactional
  public Upload upload(Actor by, InputStream xlsx) {
    OrganisationId collective = own(by);
    policy.require(by, FormAction.FORM_MANAGE, collective);
    FormParse parse = Forms.parseXlsx(xlsx);
    if (parse instanceof FormParse.Refused refused) {
      return new Upload.Refused(refused.problems());
    }
    FormDefinition form = ((FormParse.Parsed) parse).form();
    if (Forms.BUILT_IN.contains(form.formId())) {
      return new Upload.Refused(
          List.of(
              new FormProblem("settings", 2, "forms.problem.builtInId", List.of(form.formId()))));
    }
    String json = form.toJson();
    Optional<FormStore.Version> existing = store.version(collective, form.formId(), form.version());
    if (existing.isPresent()) {
      if (existing.get().definition().equals(json)) {
        return new Upload.Stored(available(existing.get()));
      }
      return new Upload.Refused(
          List.of(
              new FormProblem(
                  "settings",
                  2,
                  "forms.problem.versionTaken",
                  List.of(form.formId(), form.version()))));
    }
    FormStore.Version version =
        new FormStore.Version(
            Ids.newId(),
            collective,
            form.formId(),
            form.version(),
            form.title(),
            json,
            false,
            sensitive(form),
            null);
    store.insertVersion(version, by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "FORM_UPLOADED",
            "form",
            version.id().toString(),
            form.formId() + " " + form.version()));
    return new Upload.Stored(available(store.version(version.id()).orElseThrow()));
  }

  /** The forms the actor's collective can fill: built-in ones first, then uploaded ones. */
  @Transactional(readOnly = true)
  public List<Available> available(Actor by) {
    OrganisationId collective = own(by);
    policy.require(by, FormAction.FORM_FILL, collective);
    List<Available> forms = new ArrayList<>();
    for (String id : Forms.BUILT_IN) {
      FormDefinition form = Forms.builtIn(id);
      forms.add(
          new Available(
              null,
              id,
              form.version(),
              form.title(),
              true,
              SENSITIVE_BUILT_INS.contains(id),
              form));
    }
    store.uploaded(collective).forEach(v -> forms.add(available(v)));
    return forms;
  }

  /** The current version of one form for the actor's collective; 404 when there is none. */
  @Transactional(readOnly = true)
  public Available current(Actor by, String formId) {
    return available(by).stream()
        .filter(f -> f.formId().equals(formId))
        .reduce((builtIn, uploaded) -> uploaded)
        .orElseThrow(NotFoundException::new);
  }

  static boolean sensitive(FormDefinition form) {
    return form.questions().stream()
        .anyMatch(
            q -> {
              String flag = q.attributes().get("sahay_sensitive");
              return flag != null
                  && List.of("yes", "true", "1").contains(flag.strip().toLowerCase(Locale.ROOT));
            });
  }

  static boolean sensitiveBuiltIn(String formId) {
    return SENSITIVE_BUILT_INS.contains(formId);
  }

  static Available available(FormStore.Version v) {
    return new Available(
        v.id(),
        v.formId(),
        v.version(),
        v.title(),
        v.builtIn(),
        v.sensitive(),
        FormDefinition.fromJson(v.definition()));
  }

  private static OrganisationId own(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    return by.organisation();
  }
}
