package org.sahay.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.sahay.registry.MemberExports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Starts the download of an export: a file to save, never cached, saying who, when and why. */
final class ExportDownload {

  static final String STATEMENT_HEADER = "X-Sahay-Export";

  private ExportDownload() {}

  static OutputStream start(HttpServletResponse response, MemberExports.Export export)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(export.format().contentType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(export.fileName()).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader(STATEMENT_HEADER, export.statement());
    return response.getOutputStream();
  }
}
