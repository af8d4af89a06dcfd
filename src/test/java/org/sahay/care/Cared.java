package org.sahay.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.sahay.Http;
import org.sahay.Json;
import org.sahay.TokenClient;

/** A care API client for tests: one user's token, and members made through the registry API. */
final class Cared extends TokenClient {

  Cared(Http http, String token) {
    super(http, token);
  }

  /** A member in the district; answers her id and code. */
  String[] member(String name, String district) {
    var response =
        post(
            "/api/v1/members",
            """
            {"name":"%s","gender":"FEMALE","yearOfBirth":1984,"district":"%s"}
            """
                .formatted(name, district));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new String[] {Json.text(response.body(), "$.id"), Json.text(response.body(), "$.code")};
  }
}
