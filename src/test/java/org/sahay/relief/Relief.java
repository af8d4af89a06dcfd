package org.sahay.relief;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahay.Http;

/** Small helpers to drive the relief API in tests: a collective with an item, stock and a round. */
final class Relief {

  private final Http http;
  private final String token;

  Relief(Http http, String token) {
    this.http = http;
    this.token = token;
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = Http.bearer(token);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.postJson(path, json, all);
  }

  HttpResponse<String> get(String path) {
    return http.get(path, "Authorization", Http.bearer(token));
  }

  String item(String name, String unit) {
    return created(
        post(
            "/api/v1/items",
            "{\"nameEn\":\"%s\",\"nameTe\":\"బియ్యం\",\"unit\":\"%s\",\"category\":\"FOOD\"}"
                .formatted(name, unit)));
  }

  String location(String name) {
    return created(post("/api/v1/stock-locations", "{\"name\":\"%s\"}".formatted(name)));
  }

  HttpResponse<String> receive(String location, String item, String quantity, String expiresOn) {
    return post(
        "/api/v1/stock-receipts",
        """
        {"locationId":"%s","itemId":"%s","quantity":%s,"source":"DONATION_IN_KIND"%s}
        """
            .formatted(
                location,
                item,
                quantity,
                expiresOn == null ? "" : ",\"expiresOn\":\"" + expiresOn + "\""));
  }

  String round(String location, String item, String quantity, String eligibility, String rule) {
    return created(
        post(
            "/api/v1/distribution-rounds",
            """
            {"name":"Ration round","startsOn":"2026-05-01","endsOn":"2026-05-31",
             "locationId":"%s","lines":[{"item":"%s","quantity":%s}],
             "eligibility":"%s","rule":"%s"}
            """
                .formatted(location, item, quantity, eligibility, rule)));
  }

  String member(String name) {
    return created(
        post(
            "/api/v1/members",
            "{\"name\":\"%s\",\"gender\":\"FEMALE\",\"yearOfBirth\":1984,\"district\":\"Guntur\"}"
                .formatted(name)));
  }

  String household(String head, String... others) {
    StringBuilder ids = new StringBuilder();
    for (String other : others) {
      ids.append(ids.length() == 0 ? "" : ",").append('"').append(other).append('"');
    }
    return created(
        post(
            "/api/v1/households",
            """
            {"housing":"RENTED","district":"Guntur","headMemberId":"%s","memberIds":[%s],
             "dependents":[{"kind":"CHILD","name":"Chinni","age":9,"inSchool":true}]}
            """
                .formatted(head, ids)));
  }

  HttpResponse<String> give(String round, String json, String... headers) {
    return post("/api/v1/distribution-rounds/" + round + "/distributions", json, headers);
  }

  static String created(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new AssertionError(response.statusCode() + " " + response.body());
    }
    return field(response.body(), "id");
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)\"?").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
