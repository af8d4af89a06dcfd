package org.sahay.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP client for the load driver, as a phone would call Sahay: over one or more base URLs (app
 * nodes, or one load balancer), with a bearer token. A write carries an {@code Idempotency-Key} and
 * is sent again with the same key, to the next base URL, whenever no answer came back (connection
 * refused or cut, a 502/503/504 from the balancer, a 5xx, or a 409 that asks to try again later):
 * what a phone's outbox does. Only answers a client would show count as errors.
 */
final class LoadClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer: its status and its body read as JSON (null when empty or not JSON). */
  record Answer(int status, JsonNode body, int attempts, boolean retryLater, boolean replayed) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Recorded once already; the answer was lost with the node that stopped after its commit. */
    boolean recordedAnswerLost() {
      return status == 409 && replayed;
    }

    String text(String field) {
      return body == null || body.get(field) == null ? null : body.get(field).asString();
    }
  }

  private final HttpClient http;
  private final List<String> bases;
  private final AtomicInteger next = new AtomicInteger();
  private final Duration retryFor;
  final AtomicLong retried = new AtomicLong();

  LoadClient(List<String> bases, Duration retryFor) {
    this.bases = List.copyOf(bases);
    this.retryFor = retryFor;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A read, or a write without a key, sent once to the next base URL. */
  Answer call(String token, String method, String path, Object body) {
    try {
      return send(base(), token, method, path, body, null, 1);
    } catch (IOException e) {
      return new Answer(599, null, 1, true, false);
    }
  }

  /** A write under an idempotency key, sent until it is answered (or {@code retryFor} passes). */
  Answer write(String token, String path, Object body, String key) {
    long deadline = System.nanoTime() + retryFor.toNanos();
    int attempt = 0;
    while (true) {
      attempt++;
      Answer answer;
      try {
        answer = send(base(), token, "POST", path, body, key, attempt);
      } catch (IOException e) {
        answer = new Answer(599, null, attempt, true, false);
      }
      // 409 with Retry-After: the first attempt under this key is still running (on a node that
      // may have died); the key is taken over once that node is known dead.
      boolean again = answer.status() >= 500 || (answer.status() == 409 && answer.retryLater());
      if (!again || System.nanoTime() > deadline) {
        return answer;
      }
      retried.incrementAndGet();
      pause(attempt);
    }
  }

  private String base() {
    return bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
  }

  private Answer send(
      String base, String token, String method, String path, Object body, String key, int attempt)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String text = response.body();
      if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
        json = JSON.readTree(text);
      }
      return new Answer(
          response.statusCode(),
          json,
          attempt,
          response.headers().firstValue("Retry-After").isPresent(),
          response.headers().firstValue("Idempotent-Replayed").isPresent());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** A token for a user, made with the user's password (basic authentication once). */
  String token(String username, String password) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(bases.get(0) + "/api/v1/tokens"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("name", "load"))))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("no token for " + username + ": " + response.statusCode());
      }
      return JSON.readTree(response.body()).get("token").asString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(2000, 100L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
