package org.sahay.platform;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an XLSX file (a zip of XML parts) before any spreadsheet reader sees it: a few hundred
 * kilobytes can expand to gigabytes (a zip bomb) or hold millions of rows, and readers keep parts
 * such as the shared strings in memory. Every entry is inflated once into nothing, counting, and
 * the file is refused as soon as an entry, the whole, or the ratio of expanded to stored bytes goes
 * past its limit. What is refused was never parsed.
 */
public final class XlsxLimits {

  /** Expanded size of all parts together: far beyond 100,000 member rows. */
  public static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;

  /** Expanded size of one part (one sheet, the shared strings). */
  public static final long MAX_ENTRY_BYTES = 48L * 1024 * 1024;

  /**
   * Expanded bytes per stored byte, judged once the file has expanded past {@link #RATIO_FROM};
   * spreadsheets compress 10 to 30 times, zip bombs thousands of times.
   */
  public static final long MAX_RATIO = 100;

  static final long RATIO_FROM = 4L * 1024 * 1024;

  private static final int MAX_ENTRIES = 1000;

  private XlsxLimits() {}

  /** Why a file was refused. */
  public enum Refusal {
    /** Expands too far, in total, in one part or compared with its size: a zip bomb. */
    TOO_LARGE_EXPANDED,
    /** Not a zip at all, or a broken one. */
    NOT_A_WORKBOOK
  }

  /** Thrown with the reason; the file was not parsed. */
  public static final class Refused extends IOException {
    private final Refusal refusal;

    Refused(Refusal refusal) {
      super("XLSX refused: " + refusal);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  public static void check(byte[] xlsx) throws Refused {
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[16 * 1024];
    // The central directory, as readers use it (ZipInputStream balks at stored entries with data
    // descriptors, which some spreadsheet writers make).
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
      for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
        if (++entries > MAX_ENTRIES) {
          throw new Refused(Refusal.TOO_LARGE_EXPANDED);
        }
        long inEntry = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            inEntry += n;
            total += n;
            if (inEntry > MAX_ENTRY_BYTES
                || total > MAX_EXPANDED_BYTES
                || (total > RATIO_FROM && total > MAX_RATIO * xlsx.length)) {
              throw new Refused(Refusal.TOO_LARGE_EXPANDED);
            }
          }
        }
      }
    } catch (Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new Refused(Refusal.NOT_A_WORKBOOK);
    }
    if (entries == 0) {
      throw new Refused(Refusal.NOT_A_WORKBOOK);
    }
  }
}
