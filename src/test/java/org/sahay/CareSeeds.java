package org.sahay;

import java.util.function.BiFunction;

/**
 * Care records made through the API for tests that crawl their pages. {@code post} posts JSON as a
 * user of the collective and answers the new record's id.
 */
public final class CareSeeds {

  private CareSeeds() {}

  /** A loan from a brothel keeper, worked off, with synthetic collateral. */
  public static String loan(BiFunction<String, String, String> post, String member) {
    return post.apply(
        "/api/v1/loans",
        """
        {"member":"%s","lender":"BROTHEL_KEEPER","principal":"40000","interestPercent":"10",
         "interestPeriod":"MONTH","workingToRepay":true,"collateral":"synthetic gold earrings"}
        """
            .formatted(member));
  }

  /** A trafficking attempt by a mediator, referred for legal aid (needs the incident grant). */
  public static String incident(BiFunction<String, String, String> post, String member) {
    return post.apply(
        "/api/v1/incidents",
        """
        {"member":"%s","kind":"TRAFFICKING_ATTEMPT","perpetrator":"MEDIATOR",
         "referrals":["LEGAL_AID"],"notes":"synthetic"}
        """
            .formatted(member));
  }

  /** Supplementary nutrition given. */
  public static String healthSupport(BiFunction<String, String, String> post, String member) {
    return post.apply(
        "/api/v1/health-support",
        "{\"member\":\"%s\",\"kind\":\"SUPPLEMENTARY_NUTRITION\",\"what\":\"synthetic eggs\"}"
            .formatted(member));
  }
}
