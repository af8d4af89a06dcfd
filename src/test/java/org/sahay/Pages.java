package org.sahay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** Small helpers for page tests: where a redirect leads, a member registered through the form. */
public final class Pages {

  private Pages() {}

  /** The path a redirect leads to; fails when the response is no redirect. */
  public static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode()))
        .replaceFirst("^https?://[^/]+", "");
  }

  /** Registers a synthetic member through the page form and returns her id. */
  public static String registerMember(Http http) {
    Map<String, String> form = new HashMap<>();
    form.put("name", "Synthetic Page Member");
    form.put("gender", "FEMALE");
    form.put("yearOfBirth", "1986");
    form.put("district", "Guntur");
    var saved = http.postForm("/members", form, "/members/new");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String path = location(saved);
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
