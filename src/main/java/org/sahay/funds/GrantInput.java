package org.sahay.funds;

import java.util.List;

/** A grant as sent: from a funder organisation, for a period, for restricted purposes. */
public record GrantInput(
    String funderId,
    String title,
    Long amountPaise,
    String amount,
    String startsOn,
    String endsOn,
    List<String> purposes,
    Boolean foreignContribution) {}
