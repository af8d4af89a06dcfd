package org.sahay.forms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.forms.internal.FormStore;
import org.sahay.needs.RecordedNeed;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Vault;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberErased;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filled forms about a member or a household of the actor's collective. Answers are checked against
 * the form (types, required answers, constraints, relevance), sealed under the submission's own
 * data key, and kept with the form version they were given against. Answers to sensitive forms
 * (PHQ-9, GAD-7) are read back only with the sensitive-data permission, and every such read is
 * audited.
 */
@Service
public class Submissions {

  /** What a person or a program sent: whom the form is about, and the answers as ODK text. */
  public record Input(String memberId, String householdId, Map<String, String> answers) {}

  /** The outcome of submitting. */
  public sealed interface Outcome {
    /** {@code needs}: the needs recorded, new ones and open ones this assessment updated. */
    record Saved(
        SubmissionId id,
        String formId,
        String version,
        Evaluation evaluation,
        List<RecordedNeed> needs)
        implements Outcome {}

    /** Field name to what is wrong with it. */
    record Invalid(Map<String, FieldError> errors) implements Outcome {}
  }

  /** A stored submission as a permitted reader sees it. */
  public record Stored(
      SubmissionId id,
      String formId,
      String version,
      UUID member,
      UUID household,
      Map<String, String> answers,
      String submittedBy,
      OffsetDateTime submittedAt) {}

  private static final String FIELD = "answers";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FormLibrary library;
  private final FormStore store;
  private final Members members;
  private final Households households;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Vault vault;
  private final org.sahay.needs.Needs needs;
  private final Clock clock;

  private final Today today;

  Submissions(
      FormLibrary library,
      FormStore store,
      Members members,
      Households households,
      AccessPolicy policy,
      AuditLog audit,
      Vault vault,
      org.sahay.needs.Needs needs,
      Clock clock,
      Today today) {
    this.today = today;
    this.library = library;
    this.store = store;
    this.members = members;
    this.households = households;
    this.policy = policy;
    this.audit = audit;
    this.vault = vault;
    this.needs = needs;
    this.clock = clock;
  }

  /** Checks and stores a filled form; the needs it raises are recorded in the same transaction. */
  @Transactional
  public Outcome submit(Actor by, String formId, Input input, Language language) {
    FormLibrary.Available form = library.current(by, formId);
    OrganisationId collective = by.organisation();
    policy.require(by, FormAction.FORM_FILL, collective);
    if (form.sensitive()) {
      policy.require(by, AccessAction.SENSITIVE_READ, collective);
    }
    UUID member = null;
    UUID household = null;
    try {
      if (input.memberId() != null && !input.memberId().isBlank()) {
        MemberId id = MemberId.of(input.memberId());
        requireSame(collective, members.collectiveOf(by, id));
        member = id.value();
      }
      if (input.householdId() != null && !input.householdId().isBlank()) {
        HouseholdId id = HouseholdId.of(input.householdId());
        requireSame(collective, households.collectiveOf(by, id));
        household = id.value();
      }
    } catch (IllegalArgumentException e) {
      return new Outcome.Invalid(Map.of("subject", FieldError.ofKey("forms.subject.invalid")));
    }
    if (member == null && household == null) {
      return new Outcome.Invalid(Map.of("subject", FieldError.ofKey("forms.subject.required")));
    }
    Evaluation evaluation =
        form.definition()
            .evaluate(
                input.answers() == null ? Map.of() : input.answers(),
                language,
                today.at(collective));
    if (!evaluation.isValid()) {
      return new Outcome.Invalid(evaluation.errors());
    }
    UUID versionId = form.builtIn() ? builtInVersion(by, collective, form) : form.versionId();
    SubmissionId submission = SubmissionId.newId();
    UUID id = submission.value();
    vault.createKey(id, collective);
    store.insertSubmission(
        new FormStore.Submission(
            id,
            collective,
            versionId,
            member,
            household,
            vault.encrypt(id, FIELD, JSON.writeValueAsString(evaluation.answers())),
            by.username(),
            OffsetDateTime.now(clock)));
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            // A screening's very existence is sensitive: its own event, shown to fewer people.
            form.sensitive() ? "SCREENING_SUBMITTED" : "FORM_FILLED",
            member != null ? "member" : "household",
            String.valueOf(member != null ? member : household),
            form.formId() + " " + form.version() + ", submission " + id));
    List<RecordedNeed> recorded =
        needs.record(
            new org.sahay.needs.Assessment(
                id,
                collective,
                form.formId(),
                member,
                household,
                form.sensitive(),
                evaluation.needs(),
                by.username()));
    return new Outcome.Saved(submission, form.formId(), form.version(), evaluation, recorded);
  }

  /** A stored submission, read against the version it was given against. */
  @Transactional
  public Stored get(Actor by, SubmissionId submission) {
    UUID id = submission.value();
    FormStore.Submission s = store.submission(id).orElseThrow(NotFoundException::new);
    policy.require(by, FormAction.FORM_FILL, s.organisation());
    FormStore.Version version = store.version(s.versionId()).orElseThrow();
    if (version.sensitive()) {
      policy.require(by, AccessAction.SENSITIVE_READ, s.organisation());
      audit.record(
          new AuditLog.Event(
              by.username(),
              s.organisation(),
              "SENSITIVE_READ",
              "form_submission",
              id.toString(),
              version.formId()));
    }
    Map<String, String> answers =
        vault
            .decrypt(id, FIELD, s.answers())
            .map(json -> JSON.readValue(json, new TypeReference<Map<String, String>>() {}))
            .orElseThrow(NotFoundException::new);
    return new Stored(
        submission,
        version.formId(),
        version.version(),
        s.member(),
        s.household(),
        answers,
        s.submittedBy(),
        s.submittedAt());
  }

  /** A scored PHQ-9 or GAD-7 of a member: which, when, total, band, and whether urgent. */
  public record Score(
      String form, OffsetDateTime at, int total, Screenings.Band band, boolean urgent) {}

  /**
   * A member's PHQ-9 and GAD-7 scores over time, the oldest first, for those who may read
   * screenings (the read is audited); another collective's member is not found.
   */
  @Transactional
  public List<Score> scores(Actor by, MemberId member) {
    OrganisationId collective = members.collectiveOf(by, member);
    policy.require(by, AccessAction.SENSITIVE_READ, collective);
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "SENSITIVE_READ",
            "member",
            member.toString(),
            "screenings"));
    List<Score> scores = new java.util.ArrayList<>();
    for (FormStore.Screening s :
        store.screenings(collective, member.value(), List.of("phq9", "gad7"))) {
      vault
          .decrypt(s.id(), FIELD, s.answers())
          .map(json -> JSON.readValue(json, new TypeReference<Map<String, String>>() {}))
          .flatMap(answers -> score(s.formId(), answers))
          .ifPresent(
              r ->
                  scores.add(
                      new Score(s.formId(), s.submittedAt(), r.total(), r.band(), r.urgent())));
    }
    return scores;
  }

  /**
   * The members of the actor's collective whose latest PHQ-9 since {@code since} answered item 9
   * above zero, with when; for those who may read screenings.
   */
  @Transactional(readOnly = true)
  public Map<MemberId, OffsetDateTime> urgentSince(Actor by, OffsetDateTime since) {
    OrganisationId collective = by.organisation();
    if (collective == null) {
      throw new NotFoundException();
    }
    policy.require(by, AccessAction.SENSITIVE_READ, collective);
    Map<MemberId, OffsetDateTime> urgent = new java.util.LinkedHashMap<>();
    for (UUID member : store.screenedSince(collective, "phq9", since)) {
      List<FormStore.Screening> all = store.screenings(collective, member, List.of("phq9"));
      FormStore.Screening latest = all.get(all.size() - 1);
      vault
          .decrypt(latest.id(), FIELD, latest.answers())
          .map(json -> JSON.readValue(json, new TypeReference<Map<String, String>>() {}))
          .flatMap(answers -> score("phq9", answers))
          .filter(Screenings.Result::urgent)
          .ifPresent(r -> urgent.put(new MemberId(member), latest.submittedAt()));
    }
    return urgent;
  }

  private static java.util.Optional<Screenings.Result> score(
      String form, Map<String, String> answers) {
    int count = "phq9".equals(form) ? 9 : 7;
    List<Integer> items = new java.util.ArrayList<>();
    try {
      for (int i = 1; i <= count; i++) {
        items.add(Integer.parseInt(answers.getOrDefault(form + "_" + i, "").strip()));
      }
      return java.util.Optional.of(
          "phq9".equals(form) ? Screenings.phq9(items) : Screenings.gad7(items));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** An erased member's answers can never be read again: their keys go with her. */
  @EventListener
  void on(MemberErased erased) {
    for (UUID submission : store.submissionsAbout(erased.organisation(), erased.member().value())) {
      vault.destroyKey(submission);
    }
    store.forgetMember(erased.organisation(), erased.member().value());
  }

  /** The built-in form's version row for this collective, made the first time it is filled. */
  private UUID builtInVersion(Actor by, OrganisationId collective, FormLibrary.Available form) {
    return store
        .version(collective, form.formId(), form.version())
        .map(FormStore.Version::id)
        .orElseGet(
            () -> {
              store.insertVersionIfAbsent(
                  new FormStore.Version(
                      Ids.newId(),
                      collective,
                      form.formId(),
                      form.version(),
                      form.title(),
                      form.definition().toJson(),
                      true,
                      form.sensitive(),
                      null),
                  by.username());
              return store.version(collective, form.formId(), form.version()).orElseThrow().id();
            });
  }

  private static void requireSame(OrganisationId collective, OrganisationId of) {
    if (!collective.equals(of)) {
      throw new AccessDeniedException("not of the collective");
    }
  }
}
