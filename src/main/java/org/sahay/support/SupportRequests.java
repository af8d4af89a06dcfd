package org.sahay.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.GrantInput;
import org.sahay.funds.Grants;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.support.internal.SupportStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support requests from a collective to a funder or mentor: drafted, submitted, decided, commented
 * on and closed. Every call asks the access policy first; the request's own rules ({@link
 * SupportRequest}) decide each change, and this service writes only what they allow. A funder sees
 * the requests addressed to it with member codes, never names. Payments against approved lines are
 * {@link SupportPayments}.
 */
@Service
public class SupportRequests {

  private final SupportStore store;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final LineChecks checks;
  private final Organisations organisations;
  private final Grants grants;
  private final Today today;

  SupportRequests(
      SupportStore store,
      AccessPolicy policy,
      AuditLog audit,
      LineChecks checks,
      Organisations organisations,
      Grants grants,
      Today today) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.checks = checks;
    this.organisations = organisations;
    this.grants = grants;
    this.today = today;
  }

  /** Drafts a request of the actor's collective. */
  @Transactional
  public SupportOutcome<SupportRequest> create(Actor by, SupportInputs.Request input) {
    OrganisationId collective = own(by);
    policy.require(by, SupportAction.SUPPORT_REQUEST, collective);
    Map<String, String> errors = new LinkedHashMap<>();
    OrganisationId to = addressee(collective, input.addressedTo());
    if (to == null) {
      errors.put("addressedTo", "support.addressedTo.invalid");
    }
    String title = LineChecks.text(input.title(), 200, "title", true, errors);
    String justification =
        LineChecks.text(input.justification(), 2000, "justification", false, errors);
    List<SupportInputs.Line> lines = input.lines() == null ? List.of() : input.lines();
    if (lines.size() > LineChecks.MAX_LINES) {
      errors.put("lines", "support.lines.invalid");
    }
    List<SupportStore.Line> checked = new ArrayList<>();
    SupportRequestId id = new SupportRequestId(Ids.newId());
    for (int i = 0; i < lines.size() && i < LineChecks.MAX_LINES; i++) {
      SupportStore.Line line =
          checks.line(collective, id, null, i + 1, lines.get(i), "lines[" + i + "].", errors);
      if (line != null) {
        checked.add(line);
      }
    }
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.insertRequest(
        new SupportStore.Request(
            id,
            collective,
            to,
            title,
            justification,
            RequestStatus.DRAFT,
            null,
            null,
            0,
            by.username(),
            null));
    checked.forEach(l -> store.insertLine(collective, l));
    audited(by, collective, "SUPPORT_REQUESTED", id, checked.size() + " lines to " + to);
    return new SupportOutcome.Done<>(view(store.request(id).orElseThrow()));
  }

  /** Sends a draft to the funder or mentor it is addressed to. */
  @Transactional
  public SupportOutcome<SupportRequest> submit(Actor by, SupportRequestId id) {
    SupportStore.Request r = store.lockRequest(id).orElseThrow(NotFoundException::new);
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    return move(by, r, view(r).submit(), "SUPPORT_SUBMITTED", r.addressedTo().toString());
  }

  /**
   * Closes a request of the actor's collective: nothing more is paid against it (a payment already
   * made can still be reversed). A draft or a request not yet decided is withdrawn this way. The
   * request row is locked, and payments lock it too, so no payment slips in after the close.
   */
  @Transactional
  public SupportOutcome<SupportRequest> close(Actor by, SupportRequestId id) {
    SupportStore.Request r = store.lockRequest(id).orElseThrow(NotFoundException::new);
    policy.require(by, SupportAction.SUPPORT_REQUEST, r.organisation());
    return move(by, r, view(r).close(), "SUPPORT_CLOSED", "was " + r.status());
  }

  /**
   * The decision of the funder or mentor the request is addressed to, per line. Approval opens a
   * grant to the collective for the approved total, with its own restricted fund in the ledger; the
   * money enters that fund as the grant's instalments are received. The request decides; nothing is
   * written unless the decision and the grant are both good.
   */
  @Transactional
  public SupportOutcome<SupportRequest> decide(
      Actor by, SupportRequestId id, SupportInputs.Decision decision) {
    SupportStore.Request r = store.lockRequest(id).orElseThrow(NotFoundException::new);
    policy.require(by, SupportAction.SUPPORT_VIEW, r.organisation());
    if (!r.addressedTo().equals(by.organisation())) {
      throw new AccessDeniedException("addressed to another organisation");
    }
    policy.require(by, SupportAction.SUPPORT_DECIDE, r.organisation());
    SupportRequest.Decision answer = view(r).decide(decision);
    if (answer instanceof SupportRequest.Decision.Invalid invalid) {
      return new SupportOutcome.Invalid<>(invalid.errors());
    }
    if (answer instanceof SupportRequest.Decision.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    SupportRequest.Decision.Decided decided = (SupportRequest.Decision.Decided) answer;
    org.sahay.funds.Grant grant = null;
    if (decided.totalPaise() > 0) {
      LocalDate today = this.today.at(r.organisation());
      var opened =
          grants.createOnBehalf(
              r.organisation(),
              by.username(),
              new GrantInput(
                  r.addressedTo().toString(),
                  r.title(),
                  decided.totalPaise(),
                  null,
                  today.toString(),
                  today.plusYears(1).toString(),
                  decided.purposes(),
                  false));
      if (!(opened instanceof FundsOutcome.Done<org.sahay.funds.Grant> done)) {
        return new SupportOutcome.Refused<>(SupportRefusal.GRANT_REFUSED);
      }
      grant = done.value();
    }
    for (SupportRequest.Approval line : decided.lines()) {
      store.decide(line.line(), line.approvedPaise(), line.approvedQuantity(), line.comment());
    }
    if (grant != null) {
      store.setGrant(id, grant.id(), grant.fundId());
    }
    store.setStatus(id, r.version(), decided.status(), by.username());
    audited(
        by,
        r.organisation(),
        "SUPPORT_DECIDED",
        id,
        decided.status().name() + ", " + decided.totalPaise() + " paise");
    return new SupportOutcome.Done<>(view(store.request(id).orElseThrow()));
  }

  @Transactional
  public SupportOutcome<SupportRequest> comment(Actor by, SupportRequestId id, String body) {
    SupportStore.Request r = store.request(id).orElseThrow(NotFoundException::new);
    visible(by, r);
    policy.require(by, SupportAction.SUPPORT_COMMENT, r.organisation());
    Map<String, String> errors = new HashMap<>();
    String text = LineChecks.text(body, 1000, "body", true, errors);
    if (!errors.isEmpty()) {
      return new SupportOutcome.Invalid<>(errors);
    }
    store.comment(id, by.organisation(), by.username(), text);
    return new SupportOutcome.Done<>(view(r));
  }

  @Transactional(readOnly = true)
  public SupportRequest get(Actor by, SupportRequestId id) {
    return view(readable(by, id));
  }

  /** The actor's collective's requests, or those addressed to the actor's organisation. */
  @Transactional(readOnly = true)
  public List<SupportRequest> list(Actor by) {
    OrganisationId own = own(by);
    List<SupportRequest> found = new ArrayList<>();
    if (policy.permits(by, SupportAction.SUPPORT_REQUEST, own)) {
      store.requests(own, null).forEach(r -> found.add(view(r)));
    }
    for (SupportStore.Request r : store.requests(null, own)) {
      if (policy.permits(by, SupportAction.SUPPORT_VIEW, r.organisation())) {
        found.add(view(r));
      }
    }
    // A mentor reads the requests of the collectives it mentors, whoever they are addressed to.
    for (var mentored : organisations.linkedFrom(own, LinkKind.MENTOR_OF)) {
      if (!policy.permits(by, SupportAction.SUPPORT_VIEW, mentored.id())) {
        continue;
      }
      for (SupportStore.Request r : store.requests(mentored.id(), null)) {
        if (r.status() != RequestStatus.DRAFT && !r.addressedTo().equals(own)) {
          found.add(view(r));
        }
      }
    }
    return found;
  }

  /**
   * The request when the actor may see it: its own collective's, one addressed to the actor's
   * organisation once submitted, or one of a collective the actor's organisation mentors; 404
   * otherwise.
   */
  SupportStore.Request readable(Actor by, SupportRequestId id) {
    SupportStore.Request r = store.request(id).orElseThrow(NotFoundException::new);
    visible(by, r);
    return r;
  }

  private void visible(Actor by, SupportStore.Request r) {
    policy.require(by, SupportAction.SUPPORT_VIEW, r.organisation());
    boolean own = r.organisation().equals(by.organisation());
    boolean addressed =
        r.addressedTo().equals(by.organisation()) && r.status() != RequestStatus.DRAFT;
    boolean mentoring =
        policy.relation(by, r.organisation()) == AccessPolicy.Relation.MENTORS
            && r.status() != RequestStatus.DRAFT;
    if (!own && !addressed && !mentoring) {
      throw new NotFoundException();
    }
  }

  /** Writes the status the request's rule allowed, or answers with its refusal. */
  private SupportOutcome<SupportRequest> move(
      Actor by,
      SupportStore.Request r,
      SupportRequest.Transition transition,
      String action,
      String detail) {
    if (transition instanceof SupportRequest.Transition.Refused refused) {
      return new SupportOutcome.Refused<>(refused.refusal(), refused.args(), null);
    }
    RequestStatus next = ((SupportRequest.Transition.To) transition).status();
    store.setStatus(r.id(), r.version(), next, by.username());
    audited(by, r.organisation(), action, r.id(), detail);
    return new SupportOutcome.Done<>(view(store.request(r.id()).orElseThrow()));
  }

  private void audited(
      Actor by, OrganisationId collective, String action, SupportRequestId id, String detail) {
    audit.record(
        new AuditLog.Event(
            by.username(), collective, action, "support_request", id.toString(), detail));
  }

  /** Only a funder or mentor linked to the collective: the only ones who can see the request. */
  private OrganisationId addressee(OrganisationId collective, String addressedTo) {
    OrganisationId to;
    try {
      to = new OrganisationId(UUID.fromString(String.valueOf(addressedTo).strip()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean linked =
        Stream.of(LinkKind.FUNDER_OF, LinkKind.MENTOR_OF)
            .flatMap(kind -> organisations.linkedTo(collective, kind).stream())
            .anyMatch(o -> o.id().equals(to));
    return linked ? to : null;
  }

  /** The request as its readers see it, with the rules of its life. */
  private SupportRequest view(SupportStore.Request r) {
    List<SupportRequest.Line> lines = new ArrayList<>();
    for (SupportStore.Line l : store.lines(r.id())) {
      lines.add(
          new SupportRequest.Line(
              l.id(),
              l.number(),
              l.category(),
              l.description(),
              l.amountPaise(),
              l.quantity(),
              l.instalmentsAllowed(),
              l.approvedPaise(),
              l.decisionComment(),
              l.disbursedPaise(),
              checks.codes(r.organisation(), l.recipients()),
              l.item(),
              l.approvedQuantity(),
              l.deliveredQuantity()));
    }
    List<SupportRequest.Comment> comments =
        store.comments(r.id()).stream()
            .map(c -> new SupportRequest.Comment(c.author(), c.body(), c.at()))
            .toList();
    return new SupportRequest(
        r.id(),
        r.organisation(),
        r.addressedTo(),
        r.title(),
        r.justification(),
        r.status(),
        r.grantId(),
        r.fundId(),
        r.version(),
        r.createdBy(),
        r.createdAt(),
        lines,
        comments);
  }

  private static OrganisationId own(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    return by.organisation();
  }
}
