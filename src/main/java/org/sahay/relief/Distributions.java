package org.sahay.relief;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.needs.MetBy;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.NeedsMet;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.sahay.relief.internal.DistributionStore;
import org.sahay.relief.internal.EligibilityRule;
import org.sahay.relief.internal.RecipientStore;
import org.sahay.relief.internal.RoundStore;
import org.sahay.relief.internal.Scope;
import org.sahay.relief.internal.StockLedger;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording hand-overs in a round, fast, at the site: find the person, see whether their household
 * (or they) already received in this round, record with one action. The round's rule holds even
 * when two phones record the same household at the same moment: the claim row of the household in
 * the round has a primary key, so one phone gets in and the other is told who recorded it and when.
 * Corrections are reversals with a reason, never deletions.
 */
@Service
public class Distributions {

  /**
   * To whom: a member, a household, a non-member recipient registered before, or one to register
   * now ({@code recipient}).
   */
  public record DistributionInput(
      MemberId memberId,
      HouseholdId householdId,
      RecipientId recipientId,
      Recipients.RecipientInput recipient) {}

  /** The outcome of recording a hand-over. */
  public sealed interface Outcome {
    record Recorded(Distribution distribution) implements Outcome {}

    /** Field name to message key for each wrong field. */
    record Invalid(Map<String, String> errors) implements Outcome {}

    /** The round's rule refuses: this household (or person) already received in the round. */
    record AlreadyReceived(EarlierDistribution earlier) implements Outcome {}

    /** The round's eligibility does not admit this recipient. */
    record NotEligible() implements Outcome {}

    /** Not enough of an item at the round's location: only {@code left} is there. */
    record OutOfStock(ItemId item, BigDecimal left, BigDecimal needed) implements Outcome {}

    /** A new non-member recipient may be somebody registered already, or a member. */
    record LikelySame(List<Recipient> candidates, List<org.sahay.registry.MemberSummary> members)
        implements Outcome {}
  }

  /** The outcome of a reversal. */
  public sealed interface Reversal {
    record Reversed(DistributionId id) implements Reversal {}

    record AlreadyReversed() implements Reversal {}

    record Invalid(Map<String, String> errors) implements Reversal {}
  }

  /**
   * Somebody found at the site: a member or a non-member recipient, whether the round admits them,
   * and the earlier hand-over that the round's rule counts against them, if any.
   */
  public record Candidate(
      MemberSummary member,
      Recipient recipient,
      int people,
      boolean eligible,
      EarlierDistribution earlier) {}

  private static final int ATTEMPTS = 20;
  private static final int FOUND = 10;

  private final RoundStore rounds;
  private final DistributionStore store;
  private final RecipientStore recipientStore;
  private final StockLedger ledger;
  private final EligibilityRule.Rules eligibility;
  private final Recipients recipients;
  private final Members members;
  private final Scope scope;
  private final AuditLog audit;
  private final NeedsMet needs;
  private final TransactionTemplate transaction;
  private final Targets targets;

  Distributions(
      RoundStore rounds,
      DistributionStore store,
      RecipientStore recipientStore,
      StockLedger ledger,
      EligibilityRule.Rules eligibility,
      Recipients recipients,
      Members members,
      Scope scope,
      AuditLog audit,
      NeedsMet needs,
      PlatformTransactionManager transactions,
      Targets targets) {
    this.targets = targets;
    this.rounds = rounds;
    this.store = store;
    this.recipientStore = recipientStore;
    this.ledger = ledger;
    this.eligibility = eligibility;
    this.recipients = recipients;
    this.members = members;
    this.scope = scope;
    this.audit = audit;
    this.needs = needs;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Records a hand-over of the round's kit or items. Refused when the round's rule counts an
   * earlier one against the household or person, when the round does not admit the recipient, or
   * when the round's location has too little of an item; then nothing is kept.
   */
  public Outcome record(Actor by, RoundId roundId, DistributionInput input) {
    Round round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    scope.require(by, ReliefAction.RELIEF_WRITE, round.organisation());
    int given =
        (input.memberId() == null ? 0 : 1)
            + (input.householdId() == null ? 0 : 1)
            + (input.recipientId() == null ? 0 : 1)
            + (input.recipient() == null ? 0 : 1);
    if (given != 1) {
      return new Outcome.Invalid(Map.of("memberId", "relief.distribution.whom"));
    }
    // Who is reached is looked up in the hand-over's own transaction: one connection and one
    // commit for the whole hand-over, not a read-only transaction per lookup.
    Target[] looked = {null};
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(
            status -> {
              if (input.recipient() == null) {
                Optional<Target> found = targets.of(by, round.organisation(), input);
                if (found.isEmpty()) {
                  return new Outcome.Invalid(
                      Map.of("memberId", "relief.distribution.unknownRecipient"));
                }
                looked[0] = found.get();
              }
              return attempt(by, round, input, looked[0], status);
            });
      } catch (DuplicateKeyException e) {
        Target target = looked[0];
        Beneficiary claim = target == null ? null : target.claimKey(round);
        Optional<EarlierDistribution> earlier =
            claim == null
                ? Optional.empty()
                : store.claimedBy(round.organisation(), round.id(), claim);
        if (earlier.isPresent()) {
          return new Outcome.AlreadyReceived(earlier.get());
        }
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      } catch (ConcurrencyFailureException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
      pause(attempt);
    }
  }

  private Outcome attempt(
      Actor by, Round round, DistributionInput input, Target known, TransactionStatus status) {
    OrganisationId collective = round.organisation();
    Target target = known;
    if (target == null) {
      var registered = recipients.registerIn(collective, by, input.recipient());
      if (registered instanceof Recipients.Outcome.Invalid invalid) {
        return new Outcome.Invalid(invalid.errors());
      }
      if (registered instanceof Recipients.Outcome.LikelySame same) {
        return new Outcome.LikelySame(same.candidates(), same.members());
      }
      RecipientId id = ((Recipients.Outcome.Saved) registered).recipient().id();
      target = Target.nonMember(id);
    }
    if (!eligibility.admits(round, target.subject())) {
      status.setRollbackOnly();
      return new Outcome.NotEligible();
    }
    DistributionId id = DistributionId.newId();
    Distribution distribution =
        new Distribution(
            id,
            round.id(),
            target.member(),
            target.household(),
            target.recipient(),
            target.people(),
            by.username(),
            null,
            null,
            null);
    var at = store.insert(collective, distribution, target.householdKey(), target.district());
    Beneficiary claim = target.claimKey(round);
    if (claim != null) {
      store.claim(collective, round.id(), claim, id);
    }
    // Everything else first: the round's stock rows are the one lock all hand-overs of the round
    // wait for, held until the commit, so they are taken last.
    if (round.meetsFoodNeeds() && target.isMember()) {
      needs.meetOpen(
          by,
          collective,
          NeedCategory.FOOD,
          target.reachedBeneficiaries(),
          MetBy.handOver(id.value()));
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "DISTRIBUTION_RECORDED",
            "distribution",
            id.toString(),
            "round " + round.id() + ", " + target.personKey().key()));
    List<StockLedger.Key> keys =
        round.lines().stream().map(l -> new StockLedger.Key(round.location(), l.item())).toList();
    Map<StockLedger.Key, BigDecimal> onHand = ledger.lock(collective, keys, false);
    for (ItemLine line : round.lines()) {
      BigDecimal left = onHand.get(new StockLedger.Key(round.location(), line.item()));
      if (left.compareTo(line.quantity()) < 0) {
        status.setRollbackOnly();
        return new Outcome.OutOfStock(line.item(), left, line.quantity());
      }
    }
    var move = new StockLedger.Move("DISTRIBUTION", null, id.value(), by.username());
    for (ItemLine line : round.lines()) {
      for (StockLedger.Taken taken :
          ledger.take(
              collective,
              new StockLedger.Key(round.location(), line.item()),
              line.quantity(),
              null,
              move)) {
        store.line(collective, id, taken);
      }
    }
    return new Outcome.Recorded(
        new Distribution(
            id,
            round.id(),
            target.member(),
            target.household(),
            target.recipient(),
            target.people(),
            by.username(),
            at,
            null,
            null));
  }

  /**
   * How much of an item the collective's hand-overs (not reversed, in any round, since {@code
   * since}) gave to each of these members and households; for another module that checked its own
   * permission (a support request counts who received the goods a funder sent).
   */
  @Transactional(readOnly = true)
  public Map<Beneficiary, BigDecimal> receivedSince(
      OrganisationId collective,
      ItemId item,
      java.util.Collection<Beneficiary> beneficiaries,
      java.time.OffsetDateTime since) {
    List<UUID> members = new java.util.ArrayList<>();
    List<UUID> households = new java.util.ArrayList<>();
    for (Beneficiary b : beneficiaries) {
      b.memberId().ifPresent(m -> members.add(m.value()));
      b.householdId().ifPresent(h -> households.add(h.value()));
    }
    Map<UUID, BigDecimal> byId = store.receivedSince(collective, item, members, households, since);
    Map<Beneficiary, BigDecimal> received = new java.util.HashMap<>();
    for (Beneficiary b : beneficiaries) {
      UUID id =
          b.memberId()
              .map(MemberId::value)
              .orElseGet(() -> b.householdId().map(HouseholdId::value).orElse(null));
      if (id != null && byId.containsKey(id)) {
        received.put(b, byId.get(id));
      }
    }
    return received;
  }

  /**
   * Reverses a hand-over: its stock goes back to its batches and the household may receive again.
   */
  @Transactional
  public Reversal reverse(Actor by, DistributionId id, String reason) {
    var found = store.find(id).orElseThrow(NotFoundException::new);
    OrganisationId collective = found.getKey();
    scope.require(by, ReliefAction.RELIEF_WRITE, collective);
    Distribution distribution = found.getValue();
    ReversalReason why;
    try {
      why = ReversalReason.valueOf(String.valueOf(reason).strip());
    } catch (IllegalArgumentException e) {
      return new Reversal.Invalid(Map.of("reason", "relief.reversal.reason.invalid"));
    }
    Round round = rounds.find(distribution.round()).orElseThrow();
    List<StockLedger.Taken> lines = store.lines(collective, id);
    ledger.lock(
        collective,
        lines.stream().map(t -> new StockLedger.Key(round.location(), t.item())).toList(),
        true);
    if (!store.reverse(collective, id, why, by.username())) {
      return new Reversal.AlreadyReversed();
    }
    var move = new StockLedger.Move("REVERSAL", null, id.value(), by.username());
    for (StockLedger.Taken taken : lines) {
      ledger.putBack(collective, round.location(), taken, move);
    }
    needs.reopen(by, collective, MetBy.handOver(id.value()));
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "DISTRIBUTION_REVERSED",
            "distribution",
            id.toString(),
            "round " + round.id() + ", " + why));
    return new Reversal.Reversed(id);
  }

  /**
   * Members and non-member recipients found by code, name in any script or phone, each with whether
   * the round admits them and the earlier hand-over the rule counts against them.
   */
  @Transactional(readOnly = true)
  public List<Candidate> find(Actor by, RoundId roundId, String query) {
    Round round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    scope.require(by, ReliefAction.RELIEF_READ, round.organisation());
    if (query == null || query.isBlank()) {
      return List.of();
    }
    List<Candidate> found = new ArrayList<>();
    for (MemberSummary member : members.search(by, query.strip(), null, 0, FOUND)) {
      Target target = targets.member(by, member.id());
      found.add(candidate(round, target, member, null));
    }
    for (Recipient recipient : recipientStore.search(round.organisation(), query.strip(), FOUND)) {
      RecipientId id = recipient.id();
      Target target = Target.nonMember(id);
      found.add(candidate(round, target, null, recipient));
    }
    return found;
  }

  private Candidate candidate(Round round, Target target, MemberSummary member, Recipient r) {
    Beneficiary claim = target.claimKey(round);
    EarlierDistribution earlier =
        claim == null
            ? null
            : store.claimedBy(round.organisation(), round.id(), claim).orElse(null);
    return new Candidate(
        member, r, target.people(), eligibility.admits(round, target.subject()), earlier);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(200, 5L * attempt + (long) (Math.random() * 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
