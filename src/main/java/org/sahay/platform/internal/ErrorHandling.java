package org.sahay.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the few exceptions controllers may throw into answers: problem details under {@code /api},
 * the error page elsewhere. Messages never echo what the user sent.
 */
@ControllerAdvice
class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

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
    if (Boolean.TRUE.equals(request.getAttribute(BodyLimitFilter.CUT_OFF))) {
      return answer(request, response, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge");
    }
    return answer(request, response, HttpStatus.BAD_REQUEST, "problem.unreadable");
  }

  /** An upload over {@code SAHAY_MAX_UPLOAD}, found while the parts were parsed. */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  Object uploadTooLarge(HttpServletRequest request, HttpServletResponse response) {
    return answer(request, response, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge");
  }

  /**
   * A form sent where an upload belongs, or an upload that cannot be parsed: the caller's fault.
   */
  @ExceptionHandler({
    org.springframework.web.multipart.MultipartException.class,
    // A part's file name Tomcat refuses (one holding a NUL byte), thrown as it is when the first
    // parameter is read: once a 500 whose log line carried the file name (ApiFuzzTest).
    org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class
  })
  Object notAnUpload(HttpServletRequest request, HttpServletResponse response) {
    return answer(request, response, HttpStatus.BAD_REQUEST, "problem.unreadable");
  }

  /**
   * A value that does not convert (a name typed where an id belongs): the log says which parameter
   * was malformed, never its value, which may be a name or a phone number. A malformed id in the
   * path is answered like an id that does not exist.
   */
  @ExceptionHandler(TypeMismatchException.class)
  Object malformed(
      TypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
    String parameter =
        e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    boolean inPath =
        e instanceof MethodArgumentTypeMismatchException m
            && m.getParameter().hasParameterAnnotation(PathVariable.class);
    log.debug("Malformed value for parameter {} (value not logged)", parameter);
    HttpStatus status = inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    Object answer =
        answer(request, response, status, inPath ? "problem.notFound" : "problem.malformed");
    if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail p) {
      // Spring would fill "instance" with the path as sent, echoing the value: name the route.
      Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
      p.setInstance(
          URI.create(
              pattern instanceof String route
                  ? route.replaceAll("\\{([A-Za-z0-9_]+)[^}]*}", ":$1")
                  : "about:blank"));
    }
    return answer;
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

  /** The JSON API and the phone's sync calls answer with problem details, never a page. */
  static boolean answersJson(String contextPath, String uri) {
    return uri.startsWith(contextPath + "/api/") || uri.startsWith(contextPath + "/sync/");
  }

  private Object answer(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) {
    Locale locale = RequestContextUtils.getLocale(request);
    if (answersJson(request.getContextPath(), request.getRequestURI())) {
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
    page.addObject("ui", ui.build(request, request.getContextPath() + "/"));
    page.addObject("status", status.value());
    page.addObject("title", problems.title(status, RequestContextUtils.getLocale(request)));
    return page;
  }
}
