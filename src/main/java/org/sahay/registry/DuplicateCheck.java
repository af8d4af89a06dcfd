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

  /**
   * A row of a file that is likely the same person as a member of the collective ({@code member})
   * or as an earlier row of the same file ({@code earlierRow}); rows are numbered as given.
   */
  record InFile(int row, MemberId member, Integer earlierRow) {}

  /** Checks the rows of a file (row number to person) against the collective and each other. */
  List<InFile> inFile(OrganisationId collective, java.util.Map<Integer, MemberRecorded> rows);
}
