package org.sahay.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.sahay.IntegrationTest;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.organisations.OrganisationKind;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.internal.StockLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Any sequence of receipts, transfers, adjustments, distributions and reversals, run through the
 * services against the real database, keeps every location's stock equal to what came in minus what
 * went out, equal to the sum of its batches and of its ledger, and never below zero. A refusal for
 * want of stock happens exactly when too little is there.
 */
class StockLedgerPropertyIntegrationTest extends IntegrationTest {

  sealed interface Step {}

  record Receive(int location, BigDecimal quantity, Integer expiresInDays) implements Step {}

  record Transfer(int from, BigDecimal quantity) implements Step {}

  record Adjust(int location, BigDecimal change, AdjustmentReason reason) implements Step {}

  record Give() implements Step {}

  record Reverse(int which) implements Step {}

  @Autowired private ReliefCatalogue catalogue;
  @Autowired private Stock stock;
  @Autowired private DistributionRounds rounds;
  @Autowired private Distributions distributions;
  @Autowired private Recipients recipients;
  @Autowired private StockLedger ledger;
  private Actor leader;

  /** jqwik runs no JUnit extensions: the shared test context is wired in by hand, as elsewhere. */
  @BeforeProperty
  void startSpring() throws Exception {
    new TestContextManager(getClass()).prepareTestInstance(this);
    leader = fixtures.user(fixtures.organisation(OrganisationKind.COLLECTIVE), Role.LEADER).actor();
  }

  @Property(tries = 50)
  void stockIsAlwaysWhatCameInMinusWhatWentOutAndNeverBelowZero(@ForAll("steps") List<Step> steps) {

    ItemId item =
        saved(
                catalogue.createItem(
                    leader, new ReliefCatalogue.ItemInput("Rice", null, null, null, "KG", "FOOD")))
            .id();
    List<LocationId> locations =
        List.of(
            saved(catalogue.createLocation(leader, "Office")).id(),
            saved(catalogue.createLocation(leader, "Store")).id());
    BigDecimal perRecipient = new BigDecimal("2.5");
    Round round =
        ((DistributionRounds.Outcome.Saved)
                rounds.create(
                    leader,
                    new DistributionRounds.RoundInput(
                        "Round",
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 31),
                        locations.get(0),
                        null,
                        List.of(new ItemLine(item, perRecipient)),
                        "ANYONE_AT_SITE",
                        "UNLIMITED",
                        null,
                        null,
                        null,
                        null)))
            .round();
    RecipientId recipient =
        ((Recipients.Outcome.Saved)
                recipients.register(
                    leader,
                    new Recipients.RecipientInput("Migrant worker", null, "Site", "Guntur", true)))
            .recipient()
            .id();

    BigDecimal[] expected = {BigDecimal.ZERO, BigDecimal.ZERO};
    List<DistributionId> given = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Receive r) {
        var outcome =
            stock.receive(
                leader,
                new Stock.ReceiptInput(
                    locations.get(r.location()),
                    item,
                    r.quantity(),
                    "GOVERNMENT",
                    null,
                    null,
                    null,
                    r.expiresInDays() == null
                        ? null
                        : LocalDate.now().plusDays(r.expiresInDays())));
        assertThat(outcome).isInstanceOf(Stock.Outcome.Done.class);
        expected[r.location()] = expected[r.location()].add(r.quantity());
      } else if (step instanceof Transfer t) {
        int to = 1 - t.from();
        var outcome =
            stock.transfer(
                leader,
                new Stock.TransferInput(
                    locations.get(t.from()), locations.get(to), item, t.quantity()));
        if (expected[t.from()].compareTo(t.quantity()) >= 0) {
          assertThat(outcome).isInstanceOf(Stock.Outcome.Done.class);
          expected[t.from()] = expected[t.from()].subtract(t.quantity());
          expected[to] = expected[to].add(t.quantity());
        } else {
          assertThat(outcome).isInstanceOf(Stock.Outcome.Short.class);
          assertThat(((Stock.Outcome.Short) outcome).left())
              .isEqualByComparingTo(expected[t.from()]);
        }
      } else if (step instanceof Adjust a) {
        var outcome =
            stock.adjust(
                leader,
                new Stock.AdjustmentInput(
                    locations.get(a.location()), item, null, a.change(), a.reason().name(), null));
        BigDecimal after = expected[a.location()].add(a.change());
        if (after.signum() >= 0) {
          assertThat(outcome).isInstanceOf(Stock.Outcome.Done.class);
          expected[a.location()] = after;
        } else {
          assertThat(outcome).isInstanceOf(Stock.Outcome.Short.class);
        }
      } else if (step instanceof Give) {
        var outcome =
            distributions.record(
                leader,
                round.id(),
                new Distributions.DistributionInput(null, null, recipient, null));
        if (expected[0].compareTo(perRecipient) >= 0) {
          assertThat(outcome).isInstanceOf(Distributions.Outcome.Recorded.class);
          given.add(((Distributions.Outcome.Recorded) outcome).distribution().id());
          expected[0] = expected[0].subtract(perRecipient);
        } else {
          assertThat(outcome).isInstanceOf(Distributions.Outcome.OutOfStock.class);
          assertThat(((Distributions.Outcome.OutOfStock) outcome).left())
              .isEqualByComparingTo(expected[0]);
        }
      } else if (step instanceof Reverse r && !given.isEmpty()) {
        DistributionId id = given.remove(r.which() % given.size());
        assertThat(distributions.reverse(leader, id, "RECORDED_TWICE"))
            .isInstanceOf(Distributions.Reversal.Reversed.class);
        expected[0] = expected[0].add(perRecipient);
      }
      for (int i = 0; i < 2; i++) {
        assertOnHand(stock, ledger, leader.organisation(), locations.get(i), item, expected[i]);
      }
    }
  }

  private void assertOnHand(
      Stock stock,
      StockLedger ledger,
      OrganisationId organisation,
      LocationId location,
      ItemId item,
      BigDecimal expected) {
    var levels = stock.levels(leader, location);
    BigDecimal onHand =
        levels.stream().map(StockLevel::onHand).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal inBatches =
        levels.stream()
            .flatMap(l -> l.batches().stream())
            .map(StockLevel.Batch::onHand)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(onHand).isGreaterThanOrEqualTo(BigDecimal.ZERO);
    assertThat(onHand).isEqualByComparingTo(expected);
    assertThat(inBatches).isEqualByComparingTo(expected);
    assertThat(ledger.movementSum(organisation, new StockLedger.Key(location, item)))
        .isEqualByComparingTo(expected);
    List<StockLevel.Batch> batches = levels.isEmpty() ? List.of() : levels.get(0).batches();
    for (int i = 1; i < batches.size(); i++) {
      LocalDate before = batches.get(i - 1).expiresOn();
      LocalDate after = batches.get(i).expiresOn();
      assertThat(before == null ? after == null : after == null || !after.isBefore(before))
          .as("batches soonest-expiring first")
          .isTrue();
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<BigDecimal> quantity =
        Arbitraries.integers().between(1, 300).map(n -> BigDecimal.valueOf(n, 1));
    Arbitrary<Step> receive =
        Arbitraries.integers()
            .between(0, 1)
            .flatMap(
                location ->
                    quantity.flatMap(
                        q ->
                            Arbitraries.integers()
                                .between(1, 400)
                                .injectNull(0.3)
                                .map(days -> (Step) new Receive(location, q, days))));
    Arbitrary<Step> transfer =
        Arbitraries.integers()
            .between(0, 1)
            .flatMap(from -> quantity.map(q -> (Step) new Transfer(from, q)));
    Arbitrary<Step> adjust =
        Arbitraries.integers()
            .between(0, 1)
            .flatMap(
                location ->
                    Arbitraries.integers()
                        .between(-60, 30)
                        .filter(n -> n != 0)
                        .flatMap(
                            n ->
                                Arbitraries.of(AdjustmentReason.class)
                                    .map(
                                        reason ->
                                            (Step)
                                                new Adjust(
                                                    location, BigDecimal.valueOf(n, 1), reason))));
    Arbitrary<Step> give = Arbitraries.just(new Give());
    Arbitrary<Step> reverse = Arbitraries.integers().between(0, 50).map(Reverse::new);
    return Arbitraries.frequencyOf(
            Tuple.of(3, receive),
            Tuple.of(2, transfer),
            Tuple.of(2, adjust),
            Tuple.of(4, give),
            Tuple.of(1, reverse))
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }

  private static <T> T saved(ReliefCatalogue.Outcome<T> outcome) {
    return ((ReliefCatalogue.Outcome.Saved<T>) outcome).saved();
  }
}
