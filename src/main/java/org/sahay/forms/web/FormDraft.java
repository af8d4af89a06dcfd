package org.sahay.forms.web;

import java.io.Serializable;
import java.util.List;

/**
 * A form being filled in this browser session: whom it is about, the answers so far (sealed, never
 * in clear in the stored session), and, once submitted, the needs it raised. Kept in the HTTP
 * session under a random id, so answers never travel in addresses.
 */
public record FormDraft(
    String id,
    String formId,
    String memberId,
    String householdId,
    String subject,
    byte[] sealedAnswers,
    String submission,
    List<Raised> raised)
    implements Serializable {

  /** A need the submitted form raised: category and severity codes, nothing of the answers. */
  /** {@code was}: the severity of the open need this assessment updated, or null when new. */
  public record Raised(String category, String severity, String was) implements Serializable {}

  public FormDraft {
    raised = List.copyOf(raised);
  }

  public boolean submitted() {
    return submission != null;
  }

  /** The address of the member or household page this form is about. */
  public String subjectPath() {
    return memberId != null ? "/members/" + memberId : "/households/" + householdId;
  }

  /** The query that names the subject, for links that start from it. */
  public String subjectQuery() {
    return memberId != null ? "member=" + memberId : "household=" + householdId;
  }
}
