package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.Http;
import org.sahay.Json;
import org.sahay.TokenClient;

/** Registry and entitlements API calls with one user's token, for tests; synthetic data only. */
final class Entitled extends TokenClient {

  Entitled(Http http, String token) {
    super(http, token);
  }

  /** A member with the documents given as JSON objects; returns her id. */
  String member(String name, String... documents) {
    return memberIn("Guntur", name, documents);
  }

  String memberIn(String district, String name, String... documents) {
    var response =
        post(
            "/api/v1/members",
            """
            {"name":"%s","gender":"FEMALE","yearOfBirth":1984,"district":"%s",
             "documents":[%s]}
            """
                .formatted(name, district, String.join(",", documents)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.text(response.body(), "$.id");
  }

  String household(String head, String... others) {
    StringBuilder ids = new StringBuilder("\"" + head + "\"");
    for (String other : others) {
      ids.append(",\"").append(other).append('"');
    }
    var response =
        post(
            "/api/v1/households",
            """
            {"housing":"RENTED","district":"Guntur","headMemberId":"%s","memberIds":[%s]}
            """
                .formatted(head, ids));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.text(response.body(), "$.id");
  }

  /** Scheme code to the documents missing for the member, as her entitlements list says. */
  Map<String, List<Object>> missing(String member) {
    var response = get("/api/v1/members/" + member + "/entitlements");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, List<Object>> missing = new LinkedHashMap<>();
    List<Object> codes = Json.list(response.body(), "$[*].scheme.code");
    for (int i = 0; i < codes.size(); i++) {
      missing.put((String) codes.get(i), Json.list(response.body(), "$[" + i + "].missing"));
    }
    return missing;
  }

  /** The id of a scheme in the caller's list, by code. */
  String scheme(String code) {
    List<Object> ids =
        Json.list(get("/api/v1/schemes").body(), "$[?(@.code == '" + code + "')].id");
    assertThat(ids).as(code).hasSize(1);
    return (String) ids.get(0);
  }

  HttpResponse<String> record(String member, String scheme, String status, Integer version) {
    return post(
        "/api/v1/members/" + member + "/entitlements",
        "{\"scheme\":\"%s\",\"status\":\"%s\",\"version\":%s}".formatted(scheme, status, version));
  }
}
