package org.sahay.needs.web;

import org.sahay.needs.NeedView;

/**
 * A need with whom it is about, as pages show it: the member code or the household, never a name.
 * {@code subjectPath} is empty when the member was erased.
 */
public record NeedRow(NeedView need, String subject, String subjectPath) {

  public boolean isHousehold() {
    return need.member() == null && need.household() != null;
  }
}
