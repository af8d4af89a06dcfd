package org.sahay.relief.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sahay.relief.ItemLine;

/**
 * The rows of item and quantity on the kit and round pages, bound as {@code lines[0].item}, {@code
 * lines[0].quantity} and so on: blank rows are left out, and a row that is half filled or has a
 * quantity of nothing is refused under {@code lines}.
 */
final class ItemRows {

  /** What the binder could not read in a row, as the page says it. */
  static final Map<String, String> KEYS =
      Map.of(
          "lines.item", "relief.lines.item.unknown",
          "lines.quantity", "relief.quantity.invalid");

  private ItemRows() {}

  static List<ItemLine> lines(List<ItemLine> rows, Map<String, String> errors) {
    List<ItemLine> lines = new ArrayList<>();
    for (ItemLine row : rows == null ? List.<ItemLine>of() : rows) {
      if (row == null || (row.item() == null && row.quantity() == null)) {
        continue;
      }
      if (row.item() == null) {
        errors.putIfAbsent("lines", "relief.lines.item.unknown");
      } else if (row.quantity() == null || row.quantity().signum() <= 0) {
        errors.putIfAbsent("lines", "relief.quantity.invalid");
      } else {
        lines.add(row);
      }
    }
    return lines;
  }
}
