package org.sahay.platform.internal.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one idempotency mechanism for creating API calls: a POST under {@code /api/v1} (tokens) or
 * {@code /sync/v1} (a signed-in phone replaying what it recorded offline) with an {@code
 * Idempotency-Key} runs once per user and key; repeats get the first answer, a different body under
 * the same key is refused with 422, and a repeat that arrives while the first is still running
 * waits for its answer. The key is marked committed inside the write's own transaction ({@link
 * CommitMarker}), so a repeat after the first attempt's node died between its commit and storing
 * its answer is told it was recorded (409, {@code Idempotent-Replayed}) and never runs it again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 200;

  private final IdempotencyStore store;
  private final Problems problems;
  private final Duration waitForFirst;
  private final Duration staleAfter;

  IdempotencyFilter(
      IdempotencyStore store, Problems problems, Duration waitForFirst, Duration staleAfter) {
    this.store = store;
    this.problems = problems;
    this.waitForFirst = waitForFirst;
    this.staleAfter = staleAfter;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // Token creation answers with a secret that must never be stored, so it is not replayable.
    return !"POST".equals(request.getMethod())
        || !(path.startsWith("/api/v1/") || path.startsWith("/sync/v1/"))
        || path.equals("/api/v1/tokens")
        || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER).trim();
    String principal = principal();
    if (principal == null) {
      chain.doFilter(request, response);
      return;
    }
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      problem(request, response, HttpStatus.BAD_REQUEST, "problem.idempotency.badKey");
      return;
    }
    HttpServletRequest replayable;
    String hash;
    if (multipart(request)) {
      // The container parses the parts from the stream and keeps them for the controller; the
      // parts, not the raw body with its random boundary, say whether a repeat is the same call.
      byte[] parts;
      try {
        parts = parts(request);
      } catch (IllegalStateException | ServletException e) {
        // Too large or malformed: the controller's multipart handling answers as it always does.
        chain.doFilter(request, response);
        return;
      }
      hash = hash(request, parts);
      replayable = request;
    } else if (form(request)) {
      // A form (a phone's replay): the container parses it into parameters for the controller;
      // the parameters, in the order sent, say whether a repeat is the same call.
      hash = hash(request, formFields(request));
      replayable = request;
    } else {
      // Whole: BodyLimitFilter, which runs first, has capped it. A fixed 20 MB read here used to
      // cut a raw upload between 20 MB and SAHAY_MAX_UPLOAD short without a word.
      byte[] body = request.getInputStream().readAllBytes();
      hash = hash(request, body);
      replayable = new CachedBodyRequest(request, body);
    }

    Optional<UUID> attempt = store.claim(principal, key, hash, staleAfter);
    if (attempt.isPresent()) {
      runOnce(replayable, response, chain, principal, key, attempt.get());
      return;
    }
    Optional<IdempotencyStore.Stored> first = awaitFirst(principal, key);
    if (first.isEmpty()) {
      // The first attempt failed and gave the key back: this attempt may try again.
      attempt = store.claim(principal, key, hash, staleAfter);
      if (attempt.isPresent()) {
        runOnce(replayable, response, chain, principal, key, attempt.get());
      } else {
        inProgress(request, response);
      }
      return;
    }
    answer(request, response, hash, first.get());
  }

  private void answer(
      HttpServletRequest request,
      HttpServletResponse response,
      String hash,
      IdempotencyStore.Stored stored)
      throws IOException {
    if (!stored.requestHash().equals(hash)) {
      problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "problem.idempotency.mismatch");
    } else if (stored.state() == IdempotencyStore.State.COMMITTED && stored.abandoned()) {
      // The write committed, then its node died (or failed) before the answer was stored: it is
      // never run again, and the caller is told it was recorded.
      response.setHeader("Idempotent-Replayed", "true");
      problem(request, response, HttpStatus.CONFLICT, "problem.idempotency.committed");
    } else if (stored.state() != IdempotencyStore.State.COMPLETE) {
      inProgress(request, response);
    } else if (stored.body().isEmpty() && stored.status() == IdempotencyStore.ERASED) {
      // The answer named a person who has since been erased: it is gone with her.
      problem(request, response, HttpStatus.GONE, "problem.idempotency.erased");
    } else if (stored.body().isEmpty()) {
      // Answered before the master key that sealed the answer was retired: never run it again.
      problem(request, response, HttpStatus.CONFLICT, "problem.idempotency.expired");
    } else {
      response.setStatus(stored.status());
      response.setHeader("Idempotent-Replayed", "true");
      if (stored.contentType() != null) {
        response.setContentType(stored.contentType());
      }
      response.getOutputStream().write(stored.body().get().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void runOnce(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      String principal,
      String key,
      UUID attempt)
      throws IOException, ServletException {
    ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
    boolean completed = false;
    try {
      try (CommitMarker.Running running = CommitMarker.running(principal, key, attempt)) {
        chain.doFilter(request, capture);
      }
      if (capture.getStatus() < 500) {
        store.complete(
            principal,
            key,
            attempt,
            capture.getStatus(),
            capture.getContentType(),
            new String(capture.getContentAsByteArray(), StandardCharsets.UTF_8));
        completed = true;
      }
    } finally {
      if (!completed) {
        store.release(principal, key, attempt);
      }
      capture.copyBodyToResponse();
    }
  }

  private Optional<IdempotencyStore.Stored> awaitFirst(String principal, String key) {
    long deadline = System.nanoTime() + waitForFirst.toNanos();
    while (true) {
      Optional<IdempotencyStore.Stored> stored = store.find(principal, key, staleAfter);
      if (stored.isEmpty()
          || stored.get().state() == IdempotencyStore.State.COMPLETE
          || (stored.get().state() == IdempotencyStore.State.COMMITTED && stored.get().abandoned())
          || System.nanoTime() > deadline) {
        return stored;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return stored;
      }
    }
  }

  /** Still running elsewhere: a phone keeps the record and tries again after this many seconds. */
  private void inProgress(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", "5");
    problem(request, response, HttpStatus.CONFLICT, "problem.idempotency.inProgress");
  }

  private void problem(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
      throws IOException {
    problems.write(response, status, key, RequestContextUtils.getLocale(request));
  }

  private static String principal() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return auth.getName();
  }

  private static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  private static boolean form(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  /** The form's fields as they were sent: {@code name=value&...}, URL-encoded. */
  private static byte[] formFields(HttpServletRequest request) {
    StringBuilder fields = new StringBuilder();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                if (!fields.isEmpty()) {
                  fields.append('&');
                }
                fields
                    .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
              }
            });
    return fields.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A digest of every part: its name, file name and content, in order. */
  private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Part part : request.getParts()) {
        digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        String file = part.getSubmittedFileName();
        digest.update((file == null ? "" : file).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try (InputStream in = part.getInputStream()) {
          byte[] chunk = new byte[8192];
          for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
            digest.update(chunk, 0, n);
          }
        }
        digest.update((byte) 0);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ' ');
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      // The query is part of the request: the same body to another query is another request.
      String query = request.getQueryString();
      if (query != null) {
        digest.update((byte) '?');
        digest.update(query.getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) '\n');
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
