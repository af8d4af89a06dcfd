package org.sahay.care;

import java.time.Period;
import java.util.List;
import org.sahay.platform.Names;

/**
 * A vaccine: its name in the four languages, how many doses it takes, and the interval before each
 * next dose ({@code intervals.get(0)} is from the first dose to the second).
 */
public record Vaccine(String code, Names names, int doses, List<Period> intervals) {

  public Vaccine {
    intervals = List.copyOf(intervals);
    if (intervals.size() != doses - 1) {
      throw new IllegalArgumentException(
          "a vaccine of " + doses + " doses has " + (doses - 1) + " intervals");
    }
  }
}
