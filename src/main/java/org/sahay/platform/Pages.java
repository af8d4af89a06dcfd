package org.sahay.platform;

/** Paging of lists: the row a page starts at, whatever page number a caller sends. */
public final class Pages {

  /** Past this many rows a page is empty anyway: no list in Sahay is that long. */
  private static final long MAX_OFFSET = 100_000_000;

  private Pages() {}

  /**
   * The first row of {@code page} (from 0) of {@code size} rows: 0 for a negative page, and never
   * past {@link #MAX_OFFSET}. A page number near the int's limit once overflowed into a negative
   * offset, which the database refused with a 500 (found by ApiFuzzTest).
   */
  public static int offset(int page, int size) {
    return (int) Math.min((long) Math.max(0, page) * Math.max(0, size), MAX_OFFSET);
  }
}
