package org.sahay.needs.web;

import java.util.List;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.needs.NeedAction;
import org.sahay.needs.Needs;
import org.sahay.organisations.DayWork;
import org.springframework.stereotype.Component;

/** The collective's open needs, on its users' home page. */
@Component
class NeedsDayWork implements DayWork {

  private final Needs needs;
  private final AccessPolicy policy;

  NeedsDayWork(Needs needs, AccessPolicy policy) {
    this.needs = needs;
    this.policy = policy;
  }

  @Override
  public List<Item> waitingFor(Actor by) {
    if (by.organisation() == null || !policy.permits(by, NeedAction.NEED_READ, by.organisation())) {
      return List.of();
    }
    return List.of(
        new Item(10, "home.work.needs", needs.countOpen(by), null, "/needs?status=OPEN"));
  }
}
