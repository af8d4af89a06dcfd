package org.sahay.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.care.Counselling;
import org.sahay.care.Vaccinations;
import org.sahay.needs.Needs;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Today;
import org.sahay.registry.HouseholdInput;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInput;
import org.sahay.registry.Members;
import org.sahay.relief.DistributionRounds;
import org.sahay.relief.Distributions;
import org.sahay.relief.ItemLine;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Stock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One demo collective's records, made through the modules' services by its own users: members in
 * two scripts across two districts, households with children, needs, a relief round with
 * hand-overs, doses, counselling sessions and Jan Dhan standings; then its funds and support
 * requests ({@link DemoFunds}). A record a service refuses is logged and left out; the demo still
 * starts.
 */
@Component
class DemoCollective {

  /** Who and what a collective is seeded with. */
  record Plan(
      Organisation collective,
      Actor leader,
      Actor counsellor,
      Organisation funder,
      Actor funderViewer,
      List<String> names,
      List<String> otherNames,
      List<String> districts) {}

  private static final Logger LOG = LoggerFactory.getLogger(DemoCollective.class);

  /** The built-in Pradhan Mantri Jan Dhan Yojana scheme (V50). */
  private static final String JAN_DHAN = "5c4e0000-0000-4000-8000-000000000006";

  private static final String[] GENDERS = {"FEMALE", "FEMALE", "FEMALE", "TRANSGENDER", "FEMALE"};

  private final Members members;
  private final Households households;
  private final Needs needs;
  private final ReliefCatalogue catalogue;
  private final Stock stock;
  private final DistributionRounds rounds;
  private final Distributions distributions;
  private final Vaccinations vaccinations;
  private final Counselling counselling;
  private final DemoFunds funds;
  private final org.sahay.entitlements.Entitlements entitlements;
  private final Today today;

  DemoCollective(
      Members members,
      Households households,
      Needs needs,
      ReliefCatalogue catalogue,
      Stock stock,
      DistributionRounds rounds,
      Distributions distributions,
      Vaccinations vaccinations,
      Counselling counselling,
      DemoFunds funds,
      org.sahay.entitlements.Entitlements entitlements,
      Today today) {
    this.members = members;
    this.households = households;
    this.needs = needs;
    this.catalogue = catalogue;
    this.stock = stock;
    this.rounds = rounds;
    this.distributions = distributions;
    this.vaccinations = vaccinations;
    this.counselling = counselling;
    this.funds = funds;
    this.entitlements = entitlements;
    this.today = today;
  }

  void seed(Plan plan) {
    LocalDate day = today.at(plan.collective().id());
    List<MemberId> made = members(plan, day);
    households(plan, made);
    String[] kinds = {"food", "food", "rent", "medical", "food", "education", "livelihood", "food"};
    for (int i = 0; i < made.size() && i < 16; i++) {
      logIfRefused(
          "need",
          needs.record(
              plan.leader(),
              new Needs.Input(
                  made.get(i).value().toString(),
                  null,
                  kinds[i % kinds.length],
                  i % 3 == 0 ? "HIGH" : "MEDIUM",
                  null)));
    }
    relief(plan, made, day);
    for (int i = 0; i < 8 && i < made.size(); i++) {
      logIfRefused(
          "dose",
          vaccinations.record(
              plan.leader(),
              new Vaccinations.DoseInput(
                  made.get(i).value().toString(),
                  "TD",
                  1,
                  day.minusDays(20 + i * 3).toString(),
                  null)));
    }
    for (int i = 0; i < 5 && i < made.size(); i++) {
      logIfRefused(
          "counselling session",
          counselling.recordSession(
              plan.counsellor(),
              new Counselling.SessionInput(
                  made.get(i).value().toString(),
                  day.minusDays(i * 6L).toString(),
                  i % 2 == 0 ? "IN_PERSON" : "PHONE",
                  "Synthetic demo note: talked about managing stress.",
                  null)));
    }
    standings(plan, made, day);
    funds.seed(plan, made, day);
  }

  /** Jan Dhan bank accounts: four opened, three applied for, three missing documents. */
  private void standings(Plan plan, List<MemberId> made, LocalDate day) {
    for (int i = 0; i < 10 && i < made.size(); i++) {
      String status = i < 4 ? "GRANTED" : i < 7 ? "APPLIED" : "DOCUMENTS_MISSING";
      logIfRefused(
          "entitlement step",
          entitlements.record(
              plan.leader(),
              made.get(i),
              new org.sahay.entitlements.Entitlements.Change(
                  JAN_DHAN, status, day.minusDays(3L * i).toString(), null)));
    }
  }

  private List<MemberId> members(Plan plan, LocalDate day) {
    List<MemberId> made = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      List<String> names = i % 2 == 0 ? plan.names() : plan.otherNames();
      String district = plan.districts().get(i % 4 == 3 ? 1 : 0);
      var outcome =
          members.register(
              plan.leader(),
              new MemberInput(
                  names.get((i / 2) % names.size()),
                  null,
                  GENDERS[i % GENDERS.length],
                  null,
                  1970 + (i * 7) % 35,
                  null,
                  null,
                  plan.collective().state(),
                  district,
                  null,
                  null,
                  day.minusMonths(2 + i % 10).toString(),
                  "ACTIVE",
                  null,
                  i % 3 == 0,
                  null,
                  null,
                  null));
      if (outcome instanceof Members.Outcome.Saved saved) {
        made.add(saved.member().id());
      } else {
        LOG.warn("DEMO: a member was refused: {}", outcome.getClass().getSimpleName());
      }
    }
    return made;
  }

  private void households(Plan plan, List<MemberId> made) {
    for (int h = 0; h + 1 < made.size() && h < 12; h += 2) {
      logIfRefused(
          "household",
          households.create(
              plan.leader(),
              new HouseholdInput(
                  "RENTED",
                  null,
                  "3,000",
                  null,
                  null,
                  List.of("DAILY_WAGE"),
                  null,
                  plan.districts().get(0),
                  made.get(h).value().toString(),
                  List.of(made.get(h + 1).value().toString()),
                  null,
                  List.of(
                      new HouseholdInput.DependentInput("CHILD", "Chinnu Demo", 6 + h, true, null)),
                  null)));
    }
  }

  private void relief(Plan plan, List<MemberId> made, LocalDate day) {
    var item =
        catalogue.createItem(
            plan.leader(),
            new ReliefCatalogue.ItemInput("Rice", "चावल", "బియ్యం", "চাল", "KG", "FOOD"));
    var location = catalogue.createLocation(plan.leader(), "Community hall (demo)");
    if (!(item instanceof ReliefCatalogue.Outcome.Saved<?> savedItem)
        || !(location instanceof ReliefCatalogue.Outcome.Saved<?> savedLocation)) {
      LOG.warn("DEMO: the relief catalogue was refused");
      return;
    }
    var itemId = ((org.sahay.relief.Item) savedItem.saved()).id();
    var locationId = ((org.sahay.relief.Location) savedLocation.saved()).id();
    stock.receive(
        plan.leader(),
        new Stock.ReceiptInput(
            locationId,
            itemId,
            new BigDecimal("600"),
            "DONATION_IN_KIND",
            null,
            null,
            day.minusDays(30),
            null));
    var round =
        rounds.create(
            plan.leader(),
            new DistributionRounds.RoundInput(
                "Monthly ration round (demo)",
                day.minusDays(25),
                day.plusDays(5),
                locationId,
                null,
                List.of(new ItemLine(itemId, new BigDecimal("10"))),
                "ALL_MEMBERS",
                "ONCE_PER_HOUSEHOLD",
                null,
                null,
                null,
                true));
    if (!(round instanceof DistributionRounds.Outcome.Saved saved)) {
      LOG.warn("DEMO: the round was refused");
      return;
    }
    for (int i = 0; i < made.size() && i < 18; i++) {
      distributions.record(
          plan.leader(),
          saved.round().id(),
          new Distributions.DistributionInput(made.get(i), null, null, null));
    }
  }

  static void logIfRefused(String what, Object outcome) {
    String name = outcome.getClass().getSimpleName();
    if (!name.equals("Saved") && !name.equals("Done")) {
      LOG.warn("DEMO: a {} was refused ({})", what, name);
    }
  }
}
