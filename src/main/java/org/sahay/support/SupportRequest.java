package org.sahay.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sahay.funds.FundId;
import org.sahay.funds.GrantId;
import org.sahay.platform.Money;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.ItemId;

/**
 * A support request as its readers see it, and the rules of its life: it decides its own
 * transitions (submit, decide per line, pay, close) as plain code, and the service writes only what
 * it allows. Recipients are codes (a member code, or HH: and the head's code), never names: the
 * funder sees whom a line is for without learning who they are.
 */
public record SupportRequest(
    SupportRequestId id,
    OrganisationId organisation,
    OrganisationId addressedTo,
    String title,
    String justification,
    RequestStatus status,
    GrantId grantId,
    FundId fundId,
    int version,
    String createdBy,
    OffsetDateTime createdAt,
    List<Line> lines,
    List<Comment> comments) {

  private static final Set<RequestStatus> PAYABLE =
      EnumSet.of(RequestStatus.APPROVED, RequestStatus.PARTLY_APPROVED, RequestStatus.DISBURSING);

  /** A budget line, the decision on it and what was paid against it. */
  public record Line(
      SupportLineId id,
      int number,
      String category,
      String description,
      long amountPaise,
      Integer quantity,
      boolean instalmentsAllowed,
      Long approvedPaise,
      String decisionComment,
      long disbursedPaise,
      List<String> recipients,
      ItemId itemId,
      Integer approvedQuantity,
      int deliveredQuantity) {

    /** A line that asks for goods from the relief catalogue rather than money. */
    public boolean goods() {
      return itemId != null;
    }
  }

  public record Comment(String author, String body, OffsetDateTime at) {}

  /** What the request's rules answer to a change of its status. */
  public sealed interface Transition {
    /** Allowed: the status the request moves to (it may be the one it has). */
    record To(RequestStatus status) implements Transition {}

    /** Refused, with the arguments the refusal's message shows. */
    record Refused(SupportRefusal refusal, List<Object> args) implements Transition {}
  }

  /** What the rules answer to a funder's decision. */
  public sealed interface Decision {
    /** Field errors (line by line); nothing is decided. */
    record Invalid(Map<String, String> errors) implements Decision {}

    record Refused(SupportRefusal refusal, List<Object> args) implements Decision {}

    /**
     * The request's new status, the money approved in all (a grant of that much follows), the
     * purposes of the approved money lines, and each line's approval.
     */
    record Decided(
        RequestStatus status, long totalPaise, List<String> purposes, List<Approval> lines)
        implements Decision {}
  }

  /** One line's approval: money (0 for goods), or a quantity of goods; and a comment. */
  public record Approval(
      SupportLineId line, long approvedPaise, Integer approvedQuantity, String comment) {}

  /** A draft with at least one line goes to the funder or mentor it is addressed to. */
  public Transition submit() {
    if (status != RequestStatus.DRAFT) {
      return new Transition.Refused(SupportRefusal.NOT_DRAFT, List.of(status.name()));
    }
    if (lines.isEmpty()) {
      return new Transition.Refused(SupportRefusal.LINE_COUNT, List.of());
    }
    return new Transition.To(RequestStatus.SUBMITTED);
  }

  /** Any request not closed yet may be closed (a draft or an undecided one is withdrawn so). */
  public Transition close() {
    if (status == RequestStatus.CLOSED) {
      return new Transition.Refused(SupportRefusal.CLOSED_ALREADY, List.of());
    }
    return new Transition.To(RequestStatus.CLOSED);
  }

  /** Lines are added, changed and removed only while the request is a draft. */
  public Transition editLines() {
    return editLines(status);
  }

  /** Money is paid and goods delivered only against an approved request, which is then paying. */
  public Transition disburse() {
    return disburse(status);
  }

  /**
   * {@link #editLines()} for a request in this status: the rule needs nothing else, so a service
   * asks it without loading the request's lines (payments are a hot path).
   */
  static Transition editLines(RequestStatus status) {
    if (status != RequestStatus.DRAFT) {
      return new Transition.Refused(SupportRefusal.NOT_DRAFT_EDIT, List.of(status.name()));
    }
    return new Transition.To(RequestStatus.DRAFT);
  }

  /** {@link #disburse()} for a request in this status. */
  static Transition disburse(RequestStatus status) {
    if (!PAYABLE.contains(status)) {
      return new Transition.Refused(SupportRefusal.NOT_APPROVED, List.of(status.name()));
    }
    return new Transition.To(RequestStatus.DISBURSING);
  }

  /**
   * The decision of the funder or mentor on a submitted request, from the version they saw: every
   * line decided once, never more than it asked; all of it asked approves the request, part of it
   * partly, nothing rejects it.
   */
  public Decision decide(SupportInputs.Decision decision) {
    if (status != RequestStatus.SUBMITTED) {
      return new Decision.Refused(SupportRefusal.NOT_SUBMITTED, List.of(status.name()));
    }
    if (decision.version() != null && decision.version() != version) {
      return new Decision.Refused(SupportRefusal.STALE, List.of(version));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Map<UUID, SupportInputs.LineDecision> byLine = byLine(decision, errors);
    long total = 0;
    boolean all = true;
    boolean anyGoods = false;
    List<String> purposes = new ArrayList<>();
    List<Approval> approvals = new ArrayList<>();
    for (Line line : lines) {
      SupportInputs.LineDecision d = byLine.get(line.id().value());
      String prefix = "lines[" + (line.number() - 1) + "].";
      if (d == null) {
        errors.put(prefix + "approved", "support.decision.missing");
        continue;
      }
      String comment = comment(d.comment());
      if (line.goods()) {
        // Goods: the funder decides how many, up to what was asked; no money moves.
        Approval goods = goods(line, d, comment, prefix, errors);
        if (goods != null) {
          approvals.add(goods);
          anyGoods |= goods.approvedQuantity() > 0;
          all &= goods.approvedQuantity().equals(line.quantity());
        }
        continue;
      }
      Money amount =
          LineChecks.amount(d.approvedPaise(), d.approved(), prefix + "approved", errors);
      if (amount == null) {
        continue;
      }
      if (amount.paise() > line.amountPaise()) {
        errors.put(prefix + "approved", "support.decision.tooMuch");
        continue;
      }
      approvals.add(new Approval(line.id(), amount.paise(), null, comment));
      total += amount.paise();
      all &= amount.paise() == line.amountPaise();
      if (amount.paise() > 0) {
        String purpose = line.description();
        purposes.add(purpose.length() > 90 ? purpose.substring(0, 90) : purpose);
      }
    }
    if (byLine.size() != lines.size()) {
      errors.putIfAbsent("lines", "support.decision.lines");
    }
    if (!errors.isEmpty()) {
      return new Decision.Invalid(errors);
    }
    RequestStatus next =
        total == 0 && !anyGoods
            ? RequestStatus.REJECTED
            : all ? RequestStatus.APPROVED : RequestStatus.PARTLY_APPROVED;
    return new Decision.Decided(next, total, purposes, approvals);
  }

  /** The decisions by line id; an id that is not one is an error of the decision's lines. */
  private static Map<UUID, SupportInputs.LineDecision> byLine(
      SupportInputs.Decision decision, Map<String, String> errors) {
    Map<UUID, SupportInputs.LineDecision> byLine = new HashMap<>();
    for (SupportInputs.LineDecision d :
        decision.lines() == null ? List.<SupportInputs.LineDecision>of() : decision.lines()) {
      try {
        byLine.put(UUID.fromString(String.valueOf(d.lineId()).strip()), d);
      } catch (IllegalArgumentException e) {
        errors.put("lines", "support.decision.lines");
      }
    }
    return byLine;
  }

  /** The line of this request with that id, if it is one. */
  public java.util.Optional<Line> line(SupportLineId line) {
    return lines.stream().filter(l -> l.id().equals(line)).findFirst();
  }

  private static Approval goods(
      Line line,
      SupportInputs.LineDecision d,
      String comment,
      String prefix,
      Map<String, String> errors) {
    Integer quantity = d.approvedQuantity();
    if (quantity == null || quantity < 0) {
      errors.put(prefix + "approvedQuantity", "support.decision.quantity");
      return null;
    }
    if (quantity > line.quantity()) {
      errors.put(prefix + "approvedQuantity", "support.decision.tooMuch");
      return null;
    }
    return new Approval(line.id(), 0, quantity, comment);
  }

  private static String comment(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String comment = text.strip();
    return comment.length() > 500 ? comment.substring(0, 500) : comment;
  }
}
