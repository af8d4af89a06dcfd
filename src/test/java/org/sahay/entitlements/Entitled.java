package org.sahay.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahay.Http;
import org.sahay.Json;

/** Registry and entitlements API calls with one user's token, for tests; synthetic data only. */
final class Entitled {

  private final Http http;
  private final String token;

  Entitled(Http http, String token) {
    this.http = http;
    this.token = token;
  }

  HttpResponse<String> get(String path) {
    return http.get(path, "Authorization", Http.bearer(token));
  }

  HttpResponse<byte[]> getBytes(String path) {
    return http.getBytes(path, "Authorization", Http.bearer(token));
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = Http.bearer(token);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.postJson(path, json, all);
  }

  HttpResponse<String> put(String path, String json) {
    return http.send("PUT", path, json, "Authorization", Http.bearer(token));
  }

  HttpResponse<String> delete(String path) {
    return http.send("DELETE", path, null, "Authorization", Http.bearer(token));
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

  /** Erases a member (the caller must be an admin of her collective); answers the status. */
  int erase(String member) {
    return http.send(
            "DELETE",
            "/api/v1/members/" + member + "?reason=MEMBER_REQUEST",
            null,
            "Authorization",
            Http.bearer(token))
        .statusCode();
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
