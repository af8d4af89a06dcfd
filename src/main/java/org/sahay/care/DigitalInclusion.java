package org.sahay.care;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.care.internal.LivelihoodStore;
import org.sahay.organisations.Today;
import org.sahay.platform.Ids;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Digital inclusion: devices issued to members (kind, day, returned), how each member can be
 * reached (phone, smartphone, messaging, not at all), and the video-call trainings she attended.
 */
@Service
public class DigitalInclusion {

  /** A device as sent. */
  public record DeviceInput(String member, String kind, String issuedOn) {}

  /** How a member can be reached, as sent. */
  public record ReachInput(String member, String reach) {}

  /** A device issued, with the member's code. */
  public record Device(
      UUID id,
      MemberId member,
      String code,
      DeviceKind kind,
      LocalDate issuedOn,
      LocalDate returnedOn) {}

  private final LivelihoodStore store;
  private final CareMembers members;
  private final AccessPolicy policy;
  private final Today today;

  DigitalInclusion(LivelihoodStore store, CareMembers members, AccessPolicy policy, Today today) {
    this.store = store;
    this.members = members;
    this.policy = policy;
    this.today = today;
  }

  @Transactional
  public CareOutcome<Device> issue(Actor by, DeviceInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    DeviceKind kind = LoanTerms.kind(DeviceKind.class, input.kind(), "kind", errors);
    LocalDate on = CareChecks.date(input.issuedOn(), "issuedOn", today.at(own), errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    UUID id = Ids.newId();
    store.device(own, new LivelihoodStore.Device(id, member, kind.name(), on, null), by.username());
    return new CareOutcome.Saved<>(
        new Device(
            id, member, members.summary(by, member).map(s -> s.code()).orElse(""), kind, on, null));
  }

  /** Records that a device came back (today); once only. */
  @Transactional
  public void returned(Actor by, UUID id) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    if (!store.returned(own, id, today.at(own))) {
      throw new NotFoundException();
    }
  }

  @Transactional(readOnly = true)
  public List<Device> devices(Actor by) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    return store.devices(own, null).stream()
        .map(
            d ->
                new Device(
                    d.id(),
                    d.member(),
                    members.summary(by, d.member()).map(s -> s.code()).orElse(""),
                    DeviceKind.valueOf(d.kind()),
                    d.issuedOn(),
                    d.returnedOn()))
        .toList();
  }

  @Transactional
  public CareOutcome<Reach> reach(Actor by, ReachInput input) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    MemberId member = members.find(by, input.member()).orElse(null);
    if (member == null) {
      errors.put("member", "care.member.unknown");
    }
    Reach reach = LoanTerms.kind(Reach.class, input.reach(), "reach", errors);
    if (!errors.isEmpty()) {
      return new CareOutcome.Invalid<>(errors);
    }
    store.reach(own, member, reach.name());
    return new CareOutcome.Saved<>(reach);
  }

  /** How a member of the actor's collective can be reached, if recorded. */
  @Transactional(readOnly = true)
  public java.util.Optional<Reach> reachOf(Actor by, MemberId member) {
    OrganisationId own = CareChecks.own(policy, by, CareAction.CARE_READ);
    return store.reach(own, member).map(Reach::valueOf);
  }
}
