package org.sahay.platform;

import java.util.List;

/**
 * A module's indicators, published for reports: what it measures and how much of it there was. It
 * answers aggregates only, never a row about a person, and checks no access: reporting is its only
 * caller and decides beforehand which collectives the asker may count.
 */
public interface IndicatorSource {

  /** The indicators this module publishes, in the order reports show them. */
  List<Indicator> indicators();

  /**
   * Whether the query's district narrows these indicators; those that know no district count the
   * whole collective, and reports say so beside them.
   */
  default boolean byDistrict() {
    return false;
  }

  /** The values of its indicators for the query; a label with no value may be left out. */
  List<Measure> measure(IndicatorQuery query);
}
