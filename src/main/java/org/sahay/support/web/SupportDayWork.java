package org.sahay.support.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.organisations.DayWork;
import org.sahay.support.RequestStatus;
import org.sahay.support.SupportAction;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequests;
import org.springframework.stereotype.Component;

/**
 * On the home page: a collective's approved requests still to be paid, and a funder's requests
 * waiting for its decision.
 */
@Component
class SupportDayWork implements DayWork {

  private static final EnumSet<RequestStatus> TO_PAY =
      EnumSet.of(RequestStatus.APPROVED, RequestStatus.PARTLY_APPROVED, RequestStatus.DISBURSING);

  private final SupportRequests requests;
  private final AccessPolicy policy;

  SupportDayWork(SupportRequests requests, AccessPolicy policy) {
    this.requests = requests;
    this.policy = policy;
  }

  @Override
  public List<Item> waitingFor(Actor by) {
    if (by.organisation() == null) {
      return List.of();
    }
    boolean pays = policy.permits(by, SupportAction.SUPPORT_REQUEST, by.organisation());
    // Deciding is done on another organisation's request (one the actor's organisation funds or
    // mentors), so the role says whether to show the line; each request is checked below.
    boolean decides = by.has(Role.FUNDER_VIEWER) || by.has(Role.MENTOR_STAFF);
    if (!pays && !decides) {
      return List.of();
    }
    List<SupportRequest> seen = requests.list(by);
    List<Item> items = new ArrayList<>();
    if (pays) {
      long toPay =
          seen.stream()
              .filter(r -> r.organisation().equals(by.organisation()))
              .filter(r -> TO_PAY.contains(r.status()))
              .count();
      items.add(new Item(30, "home.work.toPay", toPay, null, "/support"));
    }
    if (decides) {
      long toDecide =
          seen.stream()
              .filter(r -> by.organisation().equals(r.addressedTo()))
              .filter(r -> r.status() == RequestStatus.SUBMITTED)
              .filter(r -> policy.permits(by, SupportAction.SUPPORT_DECIDE, r.organisation()))
              .count();
      items.add(new Item(5, "home.work.toDecide", toDecide, null, "/support"));
    }
    return items;
  }
}
