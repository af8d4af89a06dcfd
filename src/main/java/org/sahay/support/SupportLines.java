package org.sahay.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Action;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.NotFoundException;
import org.sahay.support.internal.SupportStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The budget lines of a draft, changed one at a time by its collective's leaders and admins; and,
 * for them only, whom each line may pay (the ids a payment names, beside the codes).
 */
@Service
public class SupportLines {

  /** Someone a line is for: a member or a household, by id, with the code readers see. */
  public record Payee(UUID line, String memberId, String householdId, String code) {

    /** The key of this payee on its line: m: or h: and the id. */
    public String ref() {
      return memberId != null ? "m:" + memberId : "h:" + householdId;
    }

    public boolean household() {
      return householdId != null;
    }
  }

  private final SupportStore store;
  private final LineChecks checks;
  private final AccessPolicy policy;
  private final AuditLog audit;

  SupportLines(SupportStore store, LineChecks checks, AccessPolicy policy, AuditLog audit) {
    this.store = store;
    this.checks = checks;
    this.policy = policy;
    this.audit = audit;
  }

  /** Adds a line at the end of a draft. */
  @Transactional
  public SupportOutcome<UUID> add(Actor by, UUID requestId, SupportInputs.Line input) {
    SupportStore.Request r = draft(by, requestId);
    if (r == null) {
      return notDraft(requestId);
    }
    int count = store.lines(requestId).size();
    if (count >= LineChecks.MAX_LINES) {
      return new SupportOutcome.Refused<>("support.lines.invalid", List.of(), null);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    SupportStore.Line line =
        checks.line(by, r.organisation(), requestId, null, count + 1, input, "", errors);
    if (line == null) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.insertLine(r.organisation(), line);
    recorded(by, r, "SUPPORT_LINE_ADDED", line);
    return new SupportOutcome.Done<>(line.id());
  }

  /** Replaces a line of a draft: what it asks for and whom it is for. */
  @Transactional
  public SupportOutcome<UUID> change(
      Actor by, UUID requestId, UUID lineId, SupportInputs.Line input) {
    SupportStore.Request r = draft(by, requestId);
    if (r == null) {
      return notDraft(requestId);
    }
    SupportStore.Line old = lineOf(requestId, lineId);
    Map<String, String> errors = new LinkedHashMap<>();
    SupportStore.Line line =
        checks.line(by, r.organisation(), requestId, lineId, old.number(), input, "", errors);
    if (line == null) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.replaceLine(r.organisation(), line);
    recorded(by, r, "SUPPORT_LINE_CHANGED", line);
    return new SupportOutcome.Done<>(line.id());
  }

  /** Removes a line from a draft. */
  @Transactional
  public SupportOutcome<UUID> remove(Actor by, UUID requestId, UUID lineId) {
    SupportStore.Request r = draft(by, requestId);
    if (r == null) {
      return notDraft(requestId);
    }
    SupportStore.Line line = lineOf(requestId, lineId);
    store.removeLine(line);
    recorded(by, r, "SUPPORT_LINE_REMOVED", line);
    return new SupportOutcome.Done<>(lineId);
  }

  /** Whom each line of the actor's own request is for, by id and code, line by line. */
  @Transactional(readOnly = true)
  public List<Payee> payees(Actor by, UUID requestId) {
    SupportStore.Request r = store.request(requestId).orElseThrow(NotFoundException::new);
    if (!r.organisation().equals(by.organisation())) {
      throw new NotFoundException();
    }
    policy.require(by, Action.SUPPORT_REQUEST, r.organisation());
    List<Payee> payees = new ArrayList<>();
    for (SupportStore.Line line : store.lines(requestId)) {
      List<String> codes = checks.codes(r.organisation(), line.recipients());
      for (int i = 0; i < codes.size(); i++) {
        String ref = line.recipients().get(i);
        String id = ref.substring(2);
        payees.add(
            ref.startsWith("m:")
                ? new Payee(line.id(), id, null, codes.get(i))
                : new Payee(line.id(), null, id, codes.get(i)));
      }
    }
    return payees;
  }

  /** The request, locked, when it is a draft of the actor's collective; null when no draft. */
  private SupportStore.Request draft(Actor by, UUID requestId) {
    SupportStore.Request r = store.lockRequest(requestId).orElseThrow(NotFoundException::new);
    if (!r.organisation().equals(by.organisation())) {
      throw new NotFoundException();
    }
    policy.require(by, Action.SUPPORT_REQUEST, r.organisation());
    if (r.status() != RequestStatus.DRAFT) {
      return null;
    }
    store.touch(requestId, r.version());
    return r;
  }

  private SupportStore.Line lineOf(UUID requestId, UUID lineId) {
    return store.lines(requestId).stream()
        .filter(l -> l.id().equals(lineId))
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  private SupportOutcome<UUID> notDraft(UUID requestId) {
    String status = store.request(requestId).map(r -> r.status().name()).orElse("");
    return new SupportOutcome.Refused<>("support.notDraft.edit", List.of(status), null);
  }

  private void recorded(Actor by, SupportStore.Request r, String action, SupportStore.Line line) {
    audit.record(
        new AuditLog.Event(
            by.username(),
            r.organisation(),
            action,
            "support_request",
            r.id().toString(),
            "line " + line.number() + ", " + line.recipients().size() + " recipients"));
  }
}
