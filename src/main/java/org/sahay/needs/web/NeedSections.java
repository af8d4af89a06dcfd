package org.sahay.needs.web;

import java.util.List;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.needs.NeedAction;
import org.sahay.needs.NeedSeverity;
import org.sahay.needs.NeedView;
import org.sahay.needs.Needs;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.sahay.registry.RecordSections;
import org.springframework.stereotype.Component;

/** A member's and a household's needs, on their pages in the registry. */
@Component
class NeedSections implements RecordSections {

  private final Needs needs;
  private final AccessPolicy policy;

  NeedSections(Needs needs, AccessPolicy policy) {
    this.needs = needs;
    this.policy = policy;
  }

  @Override
  public List<Line> aboutMember(Actor by, MemberId member) {
    return mayRead(by) ? lines(needs.about(by, member, null)) : List.of();
  }

  @Override
  public List<Line> aboutHousehold(Actor by, HouseholdId household) {
    return mayRead(by) ? lines(needs.about(by, null, household)) : List.of();
  }

  private boolean mayRead(Actor by) {
    return by.organisation() != null && policy.permits(by, NeedAction.NEED_READ, by.organisation());
  }

  private static List<Line> lines(List<NeedView> found) {
    return found.stream()
        .map(
            n ->
                new Line(
                    "/needs/" + n.id(),
                    "need.category." + n.category().name(),
                    "need.severity." + n.severity().name(),
                    n.severity() == NeedSeverity.URGENT || n.severity() == NeedSeverity.HIGH,
                    "need.status." + n.status().name()))
        .toList();
  }
}
