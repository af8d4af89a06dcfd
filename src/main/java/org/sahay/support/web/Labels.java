package org.sahay.support.web;

import org.sahay.platform.Ui;

/** How the support pages name whom a line is for: a member code, or a household by its code. */
public final class Labels {

  private Labels() {}

  /** A member code as it is; {@code HH:} and a code as the household of that member. */
  public static String recipient(Ui ui, String code) {
    if (code.startsWith("HH:")) {
      return ui.t("support.page.household", code.substring(3));
    }
    if (code.equals("erased")) {
      return ui.t("support.page.erased");
    }
    return code;
  }
}
