package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiFunction;
import org.sahay.platform.OrganisationId;

/**
 * A collective's entitlement work made through the API, for tests that crawl its pages: an
 * enrolment drive for Jan Dhan with the members who lack a bank account, a beneficiary list for a
 * district office (a member having consented to sharing), and a stakeholder with a contact and an
 * engagement. {@code post} posts JSON as a user of the collective and answers the new record's id.
 */
public final class EntitlementSeeds {

  /** The ids made. */
  public record Made(String drive, String list, String stakeholder) {}

  private EntitlementSeeds() {}

  public static Made make(
      Http http,
      String token,
      BiFunction<String, String, String> post,
      String member,
      String pmjdy,
      OrganisationId office) {
    String drive =
        post.apply(
            "/api/v1/drives",
            """
            {"scheme":"%s","name":"జన్ ధన్ ఖాతాల ప్రచారం","startsOn":"2026-01-01",
             "endsOn":"2026-01-31","place":"Guntur","targetGroup":"synthetic group",
             "targetNumber":60}
            """
                .formatted(pmjdy));
    post.apply("/api/v1/drives/" + drive + "/members", "{\"without\":\"BANK_ACCOUNT\"}");
    post.apply(
        "/api/v1/members/" + member + "/consents",
        "{\"purpose\":\"SHARE_WITH_DISTRICT\",\"granted\":true}");
    var listMade =
        http.postJson(
            "/api/v1/beneficiary-lists",
            """
            {"template":"1157e000-0000-4000-8000-000000000002","office":"%s",
             "title":"మండల రేషన్ జాబితా","without":"RATION_CARD"}
            """
                .formatted(office),
            "Authorization",
            Http.bearer(token));
    assertThat(listMade.statusCode()).as(listMade.body()).isEqualTo(201);
    String list = Json.text(listMade.body(), "$.list.id");
    String stakeholder =
        post.apply(
            "/api/v1/stakeholders",
            "{\"kind\":\"RELIGIOUS_BODY\",\"name\":\"Synthetic parish relief committee\"}");
    post.apply(
        "/api/v1/stakeholders/" + stakeholder + "/contacts",
        "{\"name\":\"Synthetic Contact Person\",\"phone\":\"9000011111\","
            + "\"role\":\"Secretary of the relief committee\"}");
    post.apply(
        "/api/v1/stakeholders/" + stakeholder + "/engagements",
        "{\"kind\":\"PETITION\",\"demands\":\"రేషన్ కిట్లు, మాస్కులు మరియు మందులు\","
            + "\"followUpOn\":\"2026-01-20\"}");
    return new Made(drive, list, stakeholder);
  }
}
