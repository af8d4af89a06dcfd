package org.sahay.registry;

import java.util.List;
import org.sahay.platform.OrganisationId;

/**
 * Finds members of a collective who may be the person about to be registered, most likely first.
 * Record linkage (the matching module) provides it; the registry asks it before saving.
 */
public interface DuplicateCheck {

  /**
   * @param described the person as typed ({@code member} is null: she has no id yet)
   */
  List<MemberId> sameAs(OrganisationId collective, MemberRecorded described, int limit);
}
