package org.sahay.funds.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import org.sahay.funds.FundsOutcome;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.Language;
import org.sahay.platform.Money;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns outcomes of the books into answers: 201 with the record, 400 with each wrong field, 409
 * with the rule that refused it in the caller's language (and how much is left, where that
 * matters).
 */
@Component
class FundsAnswers {

  private final Problems problems;

  FundsAnswers(Problems problems) {
    this.problems = problems;
  }

  <T> ResponseEntity<?> created(
      FundsOutcome<T> outcome,
      HttpServletRequest request,
      Function<T, String> location,
      Function<T, ?> body) {
    if (outcome instanceof FundsOutcome.Done<T> done) {
      return ResponseEntity.created(URI.create(location.apply(done.value())))
          .body(body.apply(done.value()));
    }
    return rejected(outcome, request);
  }

  <T> ResponseEntity<?> rejected(FundsOutcome<T> outcome, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (outcome instanceof FundsOutcome.Invalid<T> invalid) {
      return problems.invalid(invalid.errors(), locale);
    }
    var refused = (FundsOutcome.Refused<T>) outcome;
    Language language = Language.of(locale);
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "funds.refused." + refused.refusal().name(),
            locale,
            money(refused.remaining(), language),
            money(refused.needed(), language));
    problem.setProperty("refusal", refused.refusal().name());
    if (refused.remaining() != null) {
      problem.setProperty("remainingPaise", refused.remaining().paise());
    }
    if (refused.needed() != null) {
      problem.setProperty("neededPaise", refused.needed().paise());
    }
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String money(Money money, Language language) {
    return money == null ? "" : IndianFormats.money(money, language);
  }
}
