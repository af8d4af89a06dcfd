package org.sahay.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.sahay.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body before anything reads it: file uploads (multipart, CSV, XLSX, raw bytes)
 * at {@code SAHAY_MAX_UPLOAD}, everything else (JSON, forms) at {@code SAHAY_MAX_BODY}. A declared
 * length over the cap is refused with 413 unread; a body sent without a length is cut off at the
 * cap and refused the same way. Runs before sign-in, so a stranger cannot make Sahay read more than
 * the cap either.
 */
class BodyLimitFilter extends OncePerRequestFilter {

  /** Set when a body without a declared length ran past the cap while being read. */
  static final String CUT_OFF = BodyLimitFilter.class.getName() + ".cutOff";

  private final Problems problems;
  private final long maxBody;
  private final long maxUpload;

  BodyLimitFilter(Problems problems, long maxBody, long maxUpload) {
    this.problems = problems;
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
  }

  long limitFor(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean upload =
        type.startsWith("multipart/")
            || type.startsWith("text/csv")
            || type.startsWith("application/octet-stream")
            || type.startsWith("application/vnd.openxmlformats")
            || type.startsWith("application/vnd.ms-excel");
    return upload ? maxUpload : maxBody;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request.getContentType());
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response);
      return;
    }
    if (declared >= 0) {
      // The container never reads past a declared length.
      chain.doFilter(request, response);
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, limit);
    try {
      chain.doFilter(limited, response);
    } catch (BodyTooLarge | ServletException e) {
      if (!limited.cutOff() || response.isCommitted()) {
        throw e;
      }
      response.reset();
      refuse(request, response);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      problems.write(
          response, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge", request.getLocale());
    } else {
      response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }
  }

  /** Thrown by the capped stream; controllers see it as an unreadable body. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("request body over its cap");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;
    private boolean cutOff;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    boolean cutOff() {
      return cutOff;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws BodyTooLarge {
                read += n;
                if (read > limit) {
                  cutOff = true;
                  setAttribute(CUT_OFF, Boolean.TRUE);
                  throw new BodyTooLarge();
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), encoding == null ? "UTF-8" : encoding));
    }
  }
}
