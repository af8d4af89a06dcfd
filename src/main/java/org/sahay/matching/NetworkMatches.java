package org.sahay.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.matching.internal.NetworkKeys;
import org.sahay.organisations.Organisations;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Possible matches between collectives of one network. Each side sees only its own member and that
 * another collective of the network may have registered her too; which collective, and her code
 * there, only after both sides have confirmed. Either side may decline, and the match is gone.
 */
@Service
public class NetworkMatches {

  /**
   * A possible match seen from one collective. {@code otherCollective} and {@code otherCode} are
   * null until both sides have confirmed.
   */
  public record NetworkMatch(
      UUID id,
      MemberId member,
      String memberCode,
      boolean phoneToo,
      boolean confirmedByYou,
      boolean confirmedByThem,
      String otherCollective,
      String otherCode) {}

  private final NetworkKeys keys;
  private final Members members;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final AuditLog audit;

  NetworkMatches(
      NetworkKeys keys,
      Members members,
      Organisations organisations,
      AccessPolicy policy,
      AuditLog audit) {
    this.keys = keys;
    this.members = members;
    this.organisations = organisations;
    this.policy = policy;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<NetworkMatch> open(Actor by) {
    OrganisationId own = own(by);
    return keys.sides(own).stream().map(s -> view(own, s)).toList();
  }

  /**
   * Confirms (this side agrees that it may be her, and to show each side the other) or declines.
   */
  @Transactional
  public NetworkMatch answer(Actor by, UUID id, boolean confirm) {
    OrganisationId own = own(by);
    keys.side(own, id).orElseThrow(NotFoundException::new);
    if (!keys.answer(own, id, confirm)) {
      throw new NotFoundException();
    }
    audit.record(
        new AuditLog.Event(
            by.username(),
            own,
            confirm ? "NETWORK_MATCH_CONFIRMED" : "NETWORK_MATCH_DECLINED",
            "network-match",
            id.toString(),
            ""));
    return keys.side(own, id).map(s -> view(own, s)).orElse(null);
  }

  private NetworkMatch view(OrganisationId own, NetworkKeys.Side s) {
    MemberId member = keys.member(own.value(), s.ownRef()).map(MemberId::new).orElse(null);
    String code = member == null ? null : members.codes(own, Set.of(member)).get(member);
    String otherCollective = null;
    String otherCode = null;
    if (s.confirmedHere() && s.confirmedThere()) {
      OrganisationId other = new OrganisationId(s.otherOrganisation());
      otherCollective = organisations.find(other).map(o -> o.name()).orElse(null);
      MemberId theirs =
          keys.member(s.otherOrganisation(), s.otherRef()).map(MemberId::new).orElse(null);
      otherCode = theirs == null ? null : members.codes(other, Set.of(theirs)).get(theirs);
    }
    return new NetworkMatch(
        s.id(),
        member,
        code,
        s.phoneToo(),
        s.confirmedHere(),
        s.confirmedThere(),
        otherCollective,
        otherCode);
  }

  private OrganisationId own(Actor by) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, MatchingAction.DUPLICATES_REVIEW, by.organisation());
    return by.organisation();
  }
}
