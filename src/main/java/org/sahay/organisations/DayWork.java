package org.sahay.organisations;

import java.util.List;
import org.sahay.access.Actor;

/**
 * What waits for the actor, shown on the home page so that it leads to the day's work (open needs,
 * rounds in progress, requests to pay or to decide). Implemented by the modules that hold the work,
 * so that this module depends on none of them; each shows only what the actor may see.
 */
public interface DayWork {

  List<Item> waitingFor(Actor by);

  /**
   * One line of the home page: {@code key} is a message taking the count as {0} and, for work of
   * another organisation, its name as {1}; {@code href} is where to do it. Lower {@code order}
   * comes first.
   */
  record Item(int order, String key, long count, String name, String href) {}
}
