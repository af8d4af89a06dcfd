package org.sahay.support.web;

import java.util.Map;
import org.sahay.platform.Money;
import org.sahay.platform.Ui;
import org.sahay.support.RequestStatus;
import org.sahay.support.SupportOutcome;

/** What the pages show of a refused or invalid change: field errors, or one sentence. */
final class Outcomes {

  private Outcomes() {}

  static Map<String, String> errors(SupportOutcome<?> outcome) {
    return outcome instanceof SupportOutcome.Invalid<?> invalid ? invalid.errors() : Map.of();
  }

  /** The refusal in the page's language, amounts with Indian grouping. */
  static String text(Ui ui, SupportOutcome.Refused<?> refused) {
    Object[] args =
        refused.args().stream()
            .map(
                a ->
                    a instanceof Money m
                        ? ui.money(m)
                        : isStatus(a) ? ui.t("support.status." + a) : a)
            .toArray();
    return ui.t(refused.messageKey(), args);
  }

  private static boolean isStatus(Object arg) {
    return arg instanceof String text
        && java.util.Arrays.stream(RequestStatus.values()).anyMatch(s -> s.name().equals(text));
  }
}
