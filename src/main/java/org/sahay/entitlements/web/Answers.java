package org.sahay.entitlements.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.function.Function;
import org.sahay.entitlements.EntitlementOutcome;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** An outcome as the API answers it: the saved thing, a problem per field, or a conflict. */
@Component
class Answers {

  private final Problems problems;

  Answers(Problems problems) {
    this.problems = problems;
  }

  <T> ResponseEntity<?> of(
      EntitlementOutcome<T> outcome,
      HttpServletRequest request,
      Function<T, String> createdAt,
      String staleKey) {
    if (outcome instanceof EntitlementOutcome.Saved<T> saved) {
      return createdAt == null
          ? ResponseEntity.ok(saved.value())
          : ResponseEntity.created(URI.create(createdAt.apply(saved.value()))).body(saved.value());
    }
    if (outcome instanceof EntitlementOutcome.Stale<T> stale) {
      var problem =
          problems.of(HttpStatus.CONFLICT, staleKey, RequestContextUtils.getLocale(request));
      problem.setProperty("currentVersion", stale.currentVersion());
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return problems.invalid(
        ((EntitlementOutcome.Invalid<T>) outcome).errors(), RequestContextUtils.getLocale(request));
  }
}
