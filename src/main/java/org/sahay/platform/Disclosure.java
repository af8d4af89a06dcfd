package org.sahay.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control, the one rule for every table, chart, export and API answer that a role sees
 * as aggregates only. Each count of 1 to 4 is suppressed (primary). Then, wherever a total is shown
 * beside a row or a column with exactly one suppressed cell, the total would give that cell away:
 * the smallest other non-zero cell of that row or column is withheld too (secondary), and this is
 * repeated until no row or column with a shown total has exactly one hidden cell. Zeros are shown:
 * that nobody is in a cell discloses no one.
 */
public final class Disclosure {

  private Disclosure() {}

  /**
   * The cells of a table as shown: {@code rowTotals} when each row's total is shown beside it,
   * {@code columnTotals} when each column's total is shown below it.
   */
  public static List<List<SmallCount>> table(
      long[][] cells, boolean rowTotals, boolean columnTotals) {
    int rows = cells.length;
    int columns = rows == 0 ? 0 : cells[0].length;
    boolean[][] hidden = new boolean[rows][columns];
    boolean[][] primary = new boolean[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        primary[r][c] = cells[r][c] > 0 && cells[r][c] < SmallCount.THRESHOLD;
        hidden[r][c] = primary[r][c];
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      if (rowTotals) {
        for (int r = 0; r < rows; r++) {
          changed |= protect(cells, hidden, r, -1, columns);
        }
      }
      if (columnTotals) {
        for (int c = 0; c < columns; c++) {
          changed |= protect(cells, hidden, -1, c, rows);
        }
      }
    }
    List<List<SmallCount>> shown = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<SmallCount> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        row.add(
            primary[r][c]
                ? new SmallCount(null, true)
                : hidden[r][c] ? SmallCount.withheldCount() : new SmallCount(cells[r][c], false));
      }
      shown.add(row);
    }
    return shown;
  }

  /** One list of counts with its total shown: {@link #table} of one row. */
  public static List<SmallCount> withTotal(long[] cells) {
    return table(new long[][] {cells}, true, false).get(0);
  }

  /**
   * Where one line (row {@code row}, or column {@code column}) has exactly one hidden cell, hides
   * the smallest other non-zero one; answers whether it hid anything.
   */
  private static boolean protect(long[][] cells, boolean[][] hidden, int row, int column, int n) {
    int hiddenCount = 0;
    int smallest = -1;
    for (int i = 0; i < n; i++) {
      int r = row >= 0 ? row : i;
      int c = row >= 0 ? i : column;
      if (hidden[r][c]) {
        hiddenCount++;
      } else if (cells[r][c] > 0) {
        int sr = row >= 0 ? row : smallest;
        int sc = row >= 0 ? smallest : column;
        if (smallest < 0 || cells[r][c] < cells[sr][sc]) {
          smallest = i;
        }
      }
    }
    if (hiddenCount != 1 || smallest < 0) {
      return false;
    }
    if (row >= 0) {
      hidden[row][smallest] = true;
    } else {
      hidden[smallest][column] = true;
    }
    return true;
  }
}
