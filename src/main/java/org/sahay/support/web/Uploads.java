package org.sahay.support.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.sahay.platform.Documents;
import org.sahay.support.SupportFiles;
import org.sahay.support.SupportOutcome;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Files in and out of the support pages and API: size first, then bytes; never cached. */
final class Uploads {

  private Uploads() {}

  /** No file chosen. */
  static boolean none(MultipartFile file) {
    return file == null || file.isEmpty();
  }

  /** Larger than any upload may be: refused without reading it. */
  static boolean tooBig(MultipartFile file) {
    return file.getSize() > Documents.MAX_BYTES;
  }

  /**
   * The message key that refuses a file posted from a page, or null when {@code store} took it: no
   * file, one too big to read, or what {@code store} says of its bytes.
   */
  static String refusal(MultipartFile file, Function<byte[], SupportOutcome<?>> store) {
    if (none(file)) {
      return "support.file.missing";
    }
    if (tooBig(file)) {
      return "support.file.TOO_BIG";
    }
    return Outcomes.errors(store.apply(bytes(file))).get("file");
  }

  static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseEntity<byte[]> download(SupportFiles.Download file, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name + "." + file.extension())
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }
}
