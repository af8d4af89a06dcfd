package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.function.Function;
import org.sahay.care.CareOutcome;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A care outcome as the API answers it: the saved record, a problem per field, or a conflict. */
@Component
class CareAnswers {

  private final Problems problems;

  CareAnswers(Problems problems) {
    this.problems = problems;
  }

  <T> ResponseEntity<?> of(
      CareOutcome<T> outcome, HttpServletRequest request, Function<T, String> createdAt) {
    if (outcome instanceof CareOutcome.Saved<T> saved) {
      return createdAt == null
          ? ResponseEntity.ok(saved.value())
          : ResponseEntity.created(URI.create(createdAt.apply(saved.value()))).body(saved.value());
    }
    if (outcome instanceof CareOutcome.Conflict<T> conflict) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              problems.of(
                  HttpStatus.CONFLICT,
                  conflict.messageKey(),
                  RequestContextUtils.getLocale(request)));
    }
    return problems.invalid(
        ((CareOutcome.Invalid<T>) outcome).errors(), RequestContextUtils.getLocale(request));
  }
}
