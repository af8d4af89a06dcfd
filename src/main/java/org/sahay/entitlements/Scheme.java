package org.sahay.entitlements;

import java.util.List;
import org.sahay.platform.Names;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.DocumentType;

/**
 * A government scheme in the catalogue. {@code organisation} is null for the shared list and names
 * the collective that added a local one. {@code perHousehold}: one application per household (a
 * ration card), else one per person (a pension). {@code documents}: what an application needs, as
 * the registry records them. {@code grants}: the registry document a grant gives the member (a
 * ration card, a bank account), with the detail to note on it; null when it gives none.
 */
public record Scheme(
    SchemeId id,
    OrganisationId organisation,
    String code,
    Names names,
    SchemeLevel level,
    String state,
    boolean perHousehold,
    String gives,
    List<DocumentType> documents,
    String eligibility,
    String whereToApply,
    DocumentType grants,
    String grantsDetail,
    int version) {

  public Scheme {
    documents = List.copyOf(documents);
  }

  public boolean shared() {
    return organisation == null;
  }

  /** Whether the scheme is run where someone lives: central ones everywhere, state ones there. */
  public boolean runsIn(String memberState) {
    return level == SchemeLevel.CENTRAL
        || memberState == null
        || memberState.isBlank()
        || state.equalsIgnoreCase(memberState.strip());
  }
}
