package org.sahay.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a form was refused: the sheet, the row number as the spreadsheet shows it (0 when the problem
 * is the whole sheet), and a message key whose arguments are the sheet, the row, then details.
 */
public record FormProblem(String sheet, int row, String messageKey, List<String> details) {

  public FormProblem {
    details = List.copyOf(details);
  }

  /** The arguments for the message key: sheet, row, then the details. */
  public Object[] arguments() {
    List<Object> args = new ArrayList<>();
    args.add(sheet);
    args.add(String.valueOf(row));
    args.addAll(details);
    return args.toArray();
  }
}
