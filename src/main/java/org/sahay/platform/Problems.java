package org.sahay.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details with a title in the caller's language. */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageSource messages;

  public Problems(MessageSource messages) {
    this.messages = messages;
  }

  /** A problem whose title comes from {@code problem.<status>.title} and detail from a key. */
  public ProblemDetail of(HttpStatus status, String detailKey, Locale locale, Object... args) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create("about:blank"));
    problem.setTitle(title(status, locale));
    if (detailKey != null) {
      problem.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
    }
    return problem;
  }

  /**
   * A 400 answer naming each wrong field with its message (field name to message key) in the
   * caller's language, under {@code errors}.
   */
  public org.springframework.http.ResponseEntity<ProblemDetail> invalid(
      Map<String, String> fieldKeys, Locale locale) {
    ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
    Map<String, String> errors = new LinkedHashMap<>();
    fieldKeys.forEach(
        (field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
    problem.setProperty("errors", errors);
    return org.springframework.http.ResponseEntity.badRequest()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  public String title(HttpStatus status, Locale locale) {
    return messages.getMessage(
        "problem." + status.value() + ".title", null, status.getReasonPhrase(), locale);
  }

  /** Writes a problem straight to a response, for filters that run before any controller. */
  public void write(
      HttpServletResponse response, HttpStatus status, String detailKey, Locale locale)
      throws IOException {
    ProblemDetail problem = of(status, detailKey, locale);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      body.put("detail", problem.getDetail());
    }
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
