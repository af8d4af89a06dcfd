package org.sahay.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the few exceptions controllers may throw into answers: problem details under {@code /api},
 * the error page elsewhere. Messages never echo what the user sent.
 */
@ControllerAdvice
class ErrorHandling {

  private final Problems problems;
  private final UiAdvice ui;

  ErrorHandling(Problems problems, UiAdvice ui) {
    this.problems = problems;
    this.ui = ui;
  }

  @ExceptionHandler(NotFoundException.class)
  Object notFound(HttpServletRequest request, HttpServletResponse response) {
    return answer(request, response, HttpStatus.NOT_FOUND, "problem.notFound");
  }

  @ExceptionHandler(AccessDeniedException.class)
  Object denied(HttpServletRequest request, HttpServletResponse response) {
    return answer(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpServletRequest request, HttpServletResponse response) {
    return answer(request, response, HttpStatus.BAD_REQUEST, "problem.unreadable");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalid(
      MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response) {
    Locale locale = RequestContextUtils.getLocale(request);
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private Object answer(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problems.of(status, key, locale));
    }
    response.setStatus(status.value());
    return errorPage(request, status, ui, problems);
  }

  /** The error page in the user's language: never a stack trace or what the request held. */
  static ModelAndView errorPage(
      HttpServletRequest request, HttpStatus status, UiAdvice ui, Problems problems) {
    ModelAndView page = new ModelAndView("platform/error");
    page.setStatus(status);
    page.addObject("ui", ui.build(request));
    page.addObject("status", status.value());
    page.addObject("title", problems.title(status, RequestContextUtils.getLocale(request)));
    return page;
  }
}
