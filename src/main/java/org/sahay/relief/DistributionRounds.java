package org.sahay.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.sahay.relief.internal.CatalogueStore;
import org.sahay.relief.internal.DistributionStore;
import org.sahay.relief.internal.RecipientStore;
import org.sahay.relief.internal.RoundStore;
import org.sahay.relief.internal.Scope;
import org.sahay.relief.internal.StockLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Distribution rounds of a collective: created by its leaders and admins; summarised in full for
 * them, and as counts only (small counts suppressed) for the organisations that mentor or fund it.
 * Another organisation's round does not exist for the caller.
 */
@Service
public class DistributionRounds {

  /**
   * A new round: a kit or item lines per recipient; for eligibility LIST, the members, households
   * and non-member recipients on the list. {@code meetsFoodNeeds}: whether each hand-over marks met
   * the open food needs of the household it reaches; when not given, yes if the round gives food or
   * nutrition.
   */
  public record RoundInput(
      String name,
      LocalDate startsOn,
      LocalDate endsOn,
      LocationId locationId,
      KitId kitId,
      List<ItemLine> lines,
      String eligibility,
      String rule,
      List<MemberId> memberIds,
      List<HouseholdId> householdIds,
      List<RecipientId> recipientIds,
      Boolean meetsFoodNeeds) {}

  /** The outcome of creating a round. */
  public sealed interface Outcome {
    record Saved(Round round) implements Outcome {}

    /** Field name to message key for each wrong field. */
    record Invalid(Map<String, String> errors) implements Outcome {}
  }

  private static final int MAX_NAME = 120;

  private final RoundStore rounds;
  private final CatalogueStore catalogue;
  private final DistributionStore distributions;
  private final StockLedger ledger;
  private final ReliefCatalogue items;
  private final Scope scope;
  private final AuditLog audit;
  private final Members members;
  private final Households households;
  private final RecipientStore recipients;

  DistributionRounds(
      RoundStore rounds,
      CatalogueStore catalogue,
      DistributionStore distributions,
      StockLedger ledger,
      ReliefCatalogue items,
      Scope scope,
      AuditLog audit,
      Members members,
      Households households,
      RecipientStore recipients) {
    this.rounds = rounds;
    this.catalogue = catalogue;
    this.distributions = distributions;
    this.ledger = ledger;
    this.items = items;
    this.scope = scope;
    this.audit = audit;
    this.members = members;
    this.households = households;
    this.recipients = recipients;
  }

  @Transactional
  public Outcome create(Actor by, RoundInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      errors.put("name", "relief.round.name.required");
    }
    if (input.startsOn() == null || input.endsOn() == null) {
      errors.put("startsOn", "relief.round.period.required");
    } else if (input.endsOn().isBefore(input.startsOn())) {
      errors.put("endsOn", "relief.round.period.order");
    }
    if (input.locationId() == null
        || catalogue.location(collective, input.locationId()).isEmpty()) {
      errors.put("locationId", "relief.location.unknown");
    }
    List<ItemLine> lines = List.of();
    if (input.kitId() != null) {
      var kit = catalogue.kit(collective, input.kitId());
      if (kit.isEmpty()) {
        errors.put("kitId", "relief.kit.unknown");
      } else if (input.lines() != null && !input.lines().isEmpty()) {
        errors.put("lines", "relief.round.kitOrLines");
      } else {
        lines = kit.get().lines();
      }
    } else {
      lines = items.lines(collective, input.lines(), errors);
    }
    Eligibility eligibility =
        ReliefCatalogue.parse(
            Eligibility.class,
            input.eligibility(),
            "eligibility",
            "relief.round.eligibility.invalid",
            errors);
    EntitlementRule rule =
        ReliefCatalogue.parse(
            EntitlementRule.class, input.rule(), "rule", "relief.round.rule.invalid", errors);
    Set<Beneficiary> list = new LinkedHashSet<>();
    if (input.memberIds() != null) {
      input.memberIds().forEach(m -> list.add(Beneficiary.member(m)));
    }
    if (input.householdIds() != null) {
      input.householdIds().forEach(h -> list.add(Beneficiary.household(h)));
    }
    if (input.recipientIds() != null) {
      input.recipientIds().forEach(r -> list.add(new Beneficiary.NonMember(r.value())));
    }
    if (eligibility == Eligibility.LIST && list.isEmpty()) {
      errors.put("memberIds", "relief.round.list.required");
    }
    // Only the collective's own people: another collective's or a random id is refused as one
    // that does not exist, before anything is stored.
    List<MemberId> listedMembers = input.memberIds() == null ? List.of() : input.memberIds();
    if (!members.codes(collective, listedMembers).keySet().containsAll(listedMembers)) {
      errors.put("memberIds", "relief.round.list.unknown");
    }
    List<HouseholdId> listedHouseholds =
        input.householdIds() == null ? List.of() : input.householdIds();
    if (!households.codes(collective, listedHouseholds).keySet().containsAll(listedHouseholds)) {
      errors.put("householdIds", "relief.round.list.unknown");
    }
    List<RecipientId> listedRecipients =
        input.recipientIds() == null ? List.of() : input.recipientIds();
    if (!recipients.existing(collective, listedRecipients).containsAll(listedRecipients)) {
      errors.put("recipientIds", "relief.round.list.unknown");
    }
    if (!errors.isEmpty()) {
      return new Outcome.Invalid(errors);
    }
    boolean meetsFoodNeeds =
        input.meetsFoodNeeds() != null ? input.meetsFoodNeeds() : givesFood(collective, lines);
    Round round =
        new Round(
            RoundId.newId(),
            collective,
            name,
            input.startsOn(),
            input.endsOn(),
            input.locationId(),
            input.kitId(),
            lines,
            eligibility,
            rule,
            meetsFoodNeeds);
    rounds.insert(round, eligibility == Eligibility.LIST ? list : Set.of(), by.username());
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "DISTRIBUTION_ROUND_CREATED",
            "distribution_round",
            round.id().toString(),
            eligibility + ", " + rule + ", items: " + lines.size()));
    return new Outcome.Saved(round);
  }

  private boolean givesFood(OrganisationId collective, List<ItemLine> lines) {
    return lines.stream()
        .map(l -> catalogue.item(collective, l.item()))
        .flatMap(Optional::stream)
        .anyMatch(i -> i.category() == Category.FOOD || i.category() == Category.NUTRITION);
  }

  /** The rounds of the actor's own collective, the latest first. */
  @Transactional(readOnly = true)
  public List<Round> list(Actor by) {
    return rounds.of(scope.own(by, ReliefAction.RELIEF_READ));
  }

  /** A round the actor may see in full. */
  @Transactional(readOnly = true)
  public Round get(Actor by, RoundId id) {
    Round round = rounds.find(id).orElseThrow(NotFoundException::new);
    scope.require(by, ReliefAction.RELIEF_READ, round.organisation());
    return round;
  }

  /** True when the actor sees the round in full, false for counts only (or nothing). */
  @Transactional(readOnly = true)
  public boolean seesInFull(Actor by, RoundId id) {
    return rounds
        .find(id)
        .map(round -> scope.permits(by, ReliefAction.RELIEF_READ, round.organisation()))
        .orElse(false);
  }

  /** The full summary, for the round's own collective. */
  @Transactional(readOnly = true)
  public RoundSummary summary(Actor by, RoundId id) {
    Round round = get(by, id);
    var totals = distributions.totals(round.organisation(), round.id());
    Map<ItemId, BigDecimal> used = distributions.used(round.organisation(), round.id());
    List<RoundSummary.ItemUse> uses = new ArrayList<>();
    for (ItemLine line : round.lines()) {
      Item item = catalogue.item(round.organisation(), line.item()).orElseThrow();
      uses.add(
          new RoundSummary.ItemUse(
              item,
              used.getOrDefault(line.item(), BigDecimal.ZERO),
              ledger.onHand(
                  round.organisation(), new StockLedger.Key(round.location(), line.item()))));
    }
    return new RoundSummary(
        round,
        totals.distributions(),
        totals.households(),
        totals.people(),
        totals.reversed(),
        uses);
  }

  /** Counts only, small ones suppressed: for mentors and funders of the collective, and itself. */
  @Transactional(readOnly = true)
  public RoundCounts counts(Actor by, RoundId id) {
    Round round = rounds.find(id).orElseThrow(NotFoundException::new);
    scope.require(by, ReliefAction.RELIEF_SUMMARY, round.organisation());
    return counts(round);
  }

  /** The rounds of a collective as counts, for those who may see its summaries. */
  @Transactional(readOnly = true)
  public List<RoundCounts> countsOf(Actor by, OrganisationId collective) {
    scope.require(by, ReliefAction.RELIEF_SUMMARY, collective);
    return rounds.of(collective).stream().map(this::counts).toList();
  }

  /** The round's hand-overs in the order recorded, for its sheet. */
  @Transactional(readOnly = true)
  public List<Distribution> distributions(Actor by, RoundId id, int limit, int offset) {
    Round round = get(by, id);
    return distributions.of(round.organisation(), round.id(), limit, offset);
  }

  private RoundCounts counts(Round round) {
    var totals = distributions.totals(round.organisation(), round.id());
    return new RoundCounts(
        round.id(),
        round.name(),
        round.startsOn(),
        round.endsOn(),
        SmallCount.of(totals.distributions()),
        SmallCount.of(totals.households()),
        SmallCount.of(totals.people()));
  }
}
