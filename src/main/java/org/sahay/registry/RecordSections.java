package org.sahay.registry;

import java.util.List;
import org.sahay.access.Actor;

/**
 * What other modules keep about a member or a household (her needs), listed on the member's and the
 * household's pages. Implemented by those modules, so that the registry depends on none of them;
 * each implementation shows only what the actor may see.
 */
public interface RecordSections {

  /** Lines about the member, most pressing first; empty when there are none to show. */
  List<Line> aboutMember(Actor by, MemberId member);

  /** Lines about the household itself, most pressing first. */
  List<Line> aboutHousehold(Actor by, HouseholdId household);

  /**
   * One line: where it leads, and the message keys it shows (the title in bold, a tag, marked as a
   * warning when {@code warn}, and a status).
   */
  record Line(String href, String titleKey, String tagKey, boolean warn, String statusKey) {}
}
