package org.sahay.relief.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.organisations.DayWork;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.relief.DistributionRounds;
import org.sahay.relief.ReliefAction;
import org.sahay.relief.Round;
import org.springframework.stereotype.Component;

/**
 * On the home page: a collective's rounds in progress; for a funder or a mentor, the relief counts
 * of each collective it funds or mentors (reachable before only by typing the address).
 */
@Component
class ReliefDayWork implements DayWork {

  private final DistributionRounds rounds;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final Today today;

  ReliefDayWork(
      DistributionRounds rounds, Organisations organisations, AccessPolicy policy, Today today) {
    this.rounds = rounds;
    this.organisations = organisations;
    this.policy = policy;
    this.today = today;
  }

  @Override
  public List<Item> waitingFor(Actor by) {
    if (by.organisation() == null) {
      return List.of();
    }
    Organisation own = organisations.find(by.organisation()).orElse(null);
    if (own == null) {
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    if (own.kind() == OrganisationKind.COLLECTIVE
        && policy.permits(by, ReliefAction.RELIEF_READ, own.id())) {
      LocalDate day = today.at(own.id());
      long inProgress = rounds.list(by).stream().filter(r -> runsOn(r, day)).count();
      items.add(new Item(20, "home.work.rounds", inProgress, null, "/relief"));
    }
    for (LinkKind kind : List.of(LinkKind.FUNDER_OF, LinkKind.MENTOR_OF)) {
      for (Organisation collective : organisations.linkedFrom(own.id(), kind)) {
        if (policy.permits(by, ReliefAction.RELIEF_SUMMARY, collective.id())) {
          items.add(
              new Item(
                  40,
                  "home.work.reliefOf",
                  rounds.countsOf(by, collective.id()).size(),
                  collective.name(),
                  "/relief?organisation=" + collective.id()));
        }
      }
    }
    return items;
  }

  private static boolean runsOn(Round round, LocalDate day) {
    return !round.startsOn().isAfter(day)
        && (round.endsOn() == null || !round.endsOn().isBefore(day));
  }
}
