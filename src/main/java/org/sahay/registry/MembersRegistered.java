package org.sahay.registry;

import java.util.List;
import org.sahay.platform.OrganisationId;

/**
 * New members of one collective registered together (an import's chunk): each as {@link
 * MemberRecorded} would tell of her, published once for all of them inside the writing transaction,
 * so that those who keep a derived copy can write theirs in bulk too. In memory only.
 */
public record MembersRegistered(OrganisationId organisation, List<MemberRecorded> members) {

  public MembersRegistered {
    members = List.copyOf(members);
  }

  @Override
  public String toString() {
    return "MembersRegistered[" + members.size() + "]";
  }
}
