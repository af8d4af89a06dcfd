package org.sahay.forms.web;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.forms.SubmissionId;
import org.sahay.platform.Vault;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forms being filled, kept in the HTTP session (which lives in the database) with their answers
 * sealed under the master keyset: screening answers are sensitive data even before they are
 * submitted. A session holds a few drafts at most; the oldest goes first.
 */
@Component
class Drafts {

  private static final String ATTRIBUTE = "sahay.formDrafts";
  private static final int MAX_DRAFTS = 5;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Vault vault;

  Drafts(Vault vault) {
    this.vault = vault;
  }

  FormDraft start(
      HttpSession session, String formId, String memberId, String householdId, String subject) {
    String id = UUID.randomUUID().toString();
    FormDraft draft =
        new FormDraft(
            id, formId, memberId, householdId, subject, seal(id, Map.of()), null, List.of());
    save(session, draft);
    return draft;
  }

  Optional<FormDraft> find(HttpSession session, String id) {
    return Optional.ofNullable(all(session).get(id));
  }

  void save(HttpSession session, FormDraft draft) {
    LinkedHashMap<String, FormDraft> drafts = all(session);
    drafts.remove(draft.id());
    drafts.put(draft.id(), draft);
    while (drafts.size() > MAX_DRAFTS) {
      drafts.remove(drafts.keySet().iterator().next());
    }
    session.setAttribute(ATTRIBUTE, drafts);
  }

  /** The answers so far, field name to ODK text; empty if they can no longer be opened. */
  Map<String, String> answers(FormDraft draft) {
    return vault
        .openUnderMasterKey(context(draft.id()), draft.sealedAnswers())
        .map(
            bytes ->
                JSON.readValue(
                    new String(bytes, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, String>>() {}))
        .map(m -> (Map<String, String>) m)
        .orElseGet(LinkedHashMap::new);
  }

  FormDraft withAnswers(FormDraft draft, Map<String, String> answers) {
    return new FormDraft(
        draft.id(),
        draft.formId(),
        draft.memberId(),
        draft.householdId(),
        draft.subject(),
        seal(draft.id(), answers),
        draft.submission(),
        draft.raised());
  }

  /** The draft once submitted: the answers are dropped, the needs raised are kept to show. */
  FormDraft submitted(FormDraft draft, SubmissionId submission, List<FormDraft.Raised> raised) {
    return new FormDraft(
        draft.id(),
        draft.formId(),
        draft.memberId(),
        draft.householdId(),
        draft.subject(),
        seal(draft.id(), Map.of()),
        submission.toString(),
        raised);
  }

  private byte[] seal(String id, Map<String, String> answers) {
    return vault.sealUnderMasterKey(
        context(id), JSON.writeValueAsString(answers).getBytes(StandardCharsets.UTF_8));
  }

  private static String context(String draftId) {
    return "form-draft:" + draftId;
  }

  @SuppressWarnings("unchecked")
  private static LinkedHashMap<String, FormDraft> all(HttpSession session) {
    Object stored = session.getAttribute(ATTRIBUTE);
    return stored instanceof LinkedHashMap<?, ?> map
        ? new LinkedHashMap<>((Map<String, FormDraft>) map)
        : new LinkedHashMap<>();
  }
}
