package org.sahay.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.sahay.Http;
import org.sahay.Json;

/** Starts a duplicate scan through the API and waits for it to end; answers the scan as JSON. */
final class Scans {

  private Scans() {}

  static String run(Http http, String token) throws InterruptedException {
    var started = http.postJson("/api/v1/duplicates/scan", "", "Authorization", Http.bearer(token));
    assertThat(started.statusCode()).isEqualTo(202);
    String id = Json.text(started.body(), "$.id");
    for (int i = 0; i < 200; i++) {
      var scan = http.get("/api/v1/duplicates/scans/" + id, "Authorization", Http.bearer(token));
      String status = Json.text(scan.body(), "$.status");
      if (status.equals("DONE") || status.equals("FAILED")) {
        assertThat(status).isEqualTo("DONE");
        return scan.body();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the scan did not finish");
  }
}
