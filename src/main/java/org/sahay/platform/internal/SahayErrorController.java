package org.sahay.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.sahay.platform.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The container's error page: no stack traces, no echo of the request, the user's language. */
@Controller
class SahayErrorController implements ErrorController {

  private final Problems problems;
  private final UiAdvice ui;

  SahayErrorController(Problems problems, UiAdvice ui) {
    this.problems = problems;
    this.ui = ui;
  }

  @RequestMapping("/error")
  Object error(HttpServletRequest request) {
    HttpStatus status = status(request);
    Locale locale = RequestContextUtils.getLocale(request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && ErrorHandling.answersJson(request.getContextPath(), path)) {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problems.of(status, null, locale));
    }
    return ErrorHandling.errorPage(request, status, ui, problems);
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer value) {
      HttpStatus status = HttpStatus.resolve(value);
      if (status != null) {
        return status;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
