package org.sahay.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.Beneficiary;
import org.sahay.support.internal.SupportStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The budget lines of a draft, changed one at a time by its collective's leaders and admins; and,
 * for them only, whom each line may pay (the ids a payment names, beside the codes).
 */
@Service
public class SupportLines {

  /** Someone a line is for: a member or a household, with the code readers see. */
  public record Payee(SupportLineId line, Beneficiary beneficiary, String code) {

    /** The key of this payee, as a form sends it back. */
    public String ref() {
      return beneficiary.key();
    }

    public boolean household() {
      return beneficiary instanceof Beneficiary.Household;
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
  public SupportOutcome<SupportLineId> add(
      Actor by, SupportRequestId requestId, SupportInputs.Line input) {
    SupportStore.Request r = draft(by, requestId);
    if (SupportRequest.editLines(r.status()) instanceof SupportRequest.Transition.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    store.touch(requestId, r.version());
    int count = store.lines(requestId).size();
    if (count >= LineChecks.MAX_LINES) {
      return new SupportOutcome.Refused<>(SupportRefusal.LINE_COUNT);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    SupportStore.Line line =
        checks.line(r.organisation(), requestId, null, count + 1, input, "", errors);
    if (line == null) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.insertLine(r.organisation(), line);
    recorded(by, r, "SUPPORT_LINE_ADDED", line);
    return new SupportOutcome.Done<>(line.id());
  }

  /** Replaces a line of a draft: what it asks for and whom it is for. */
  @Transactional
  public SupportOutcome<SupportLineId> change(
      Actor by, SupportRequestId requestId, SupportLineId lineId, SupportInputs.Line input) {
    SupportStore.Request r = draft(by, requestId);
    if (SupportRequest.editLines(r.status()) instanceof SupportRequest.Transition.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    store.touch(requestId, r.version());
    SupportStore.Line old = lineOf(requestId, lineId);
    Map<String, String> errors = new LinkedHashMap<>();
    SupportStore.Line line =
        checks.line(r.organisation(), requestId, lineId, old.number(), input, "", errors);
    if (line == null) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.replaceLine(r.organisation(), line);
    recorded(by, r, "SUPPORT_LINE_CHANGED", line);
    return new SupportOutcome.Done<>(line.id());
  }

  /** Removes a line from a draft. */
  @Transactional
  public SupportOutcome<SupportLineId> remove(
      Actor by, SupportRequestId requestId, SupportLineId lineId) {
    SupportStore.Request r = draft(by, requestId);
    if (SupportRequest.editLines(r.status()) instanceof SupportRequest.Transition.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    store.touch(requestId, r.version());
    SupportStore.Line line = lineOf(requestId, lineId);
    store.removeLine(line);
    recorded(by, r, "SUPPORT_LINE_REMOVED", line);
    return new SupportOutcome.Done<>(lineId);
  }

  /** Whom each line of the actor's own request is for, by id and code, line by line. */
  @Transactional(readOnly = true)
  public List<Payee> payees(Actor by, SupportRequestId requestId) {
    SupportStore.Request r = store.request(requestId).orElseThrow(NotFoundException::new);
    if (!r.organisation().equals(by.organisation())) {
      throw new NotFoundException();
    }
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    List<Payee> payees = new ArrayList<>();
    for (SupportStore.Line line : store.lines(requestId)) {
      List<String> codes = checks.codes(r.organisation(), line.recipients());
      for (int i = 0; i < codes.size(); i++) {
        payees.add(new Payee(line.id(), line.recipients().get(i), codes.get(i)));
      }
    }
    return payees;
  }

  /** The request of the actor's collective, locked; 404 for another collective's. */
  private SupportStore.Request draft(Actor by, SupportRequestId requestId) {
    SupportStore.Request r = store.lockRequest(requestId).orElseThrow(NotFoundException::new);
    if (!r.organisation().equals(by.organisation())) {
      throw new NotFoundException();
    }
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    return r;
  }

  private SupportStore.Line lineOf(SupportRequestId requestId, SupportLineId lineId) {
    return store.lines(requestId).stream()
        .filter(l -> l.id().equals(lineId))
        .findFirst()
        .orElseThrow(NotFoundException::new);
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
