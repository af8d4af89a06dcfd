package org.sahay.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sahay.access.Actor;
import org.sahay.platform.Problems;
import org.sahay.registry.MemberExports;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The members of the caller's collective as a CSV or XLSX file; a reason is required, and
 * confidential columns only with the sensitive-data permission ({@code sensitive=true}).
 */
@RestController
@RequestMapping("/api/v1/exports")
class MemberExportApiController {

  private final MemberExports exports;
  private final Problems problems;

  MemberExportApiController(MemberExports exports, Problems problems) {
    this.exports = exports;
    this.problems = problems;
  }

  @GetMapping("/members")
  ResponseEntity<?> members(
      Actor actor,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String reason,
      @RequestParam(defaultValue = "false") boolean sensitive,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    var outcome =
        exports.export(
            actor,
            new MemberExports.Request(format, sensitive, reason),
            export -> ExportDownload.start(response, export));
    if (outcome instanceof MemberExports.Outcome.Invalid invalid) {
      return problems.invalid(invalid.errors(), RequestContextUtils.getLocale(request));
    }
    // Written straight to the response.
    return null;
  }
}
