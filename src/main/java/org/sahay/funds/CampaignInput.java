package org.sahay.funds;

import java.util.List;

/**
 * A campaign as sent: the goal in paise or in rupees; dates as yyyy-mm-dd; {@code restricted}
 * (default true) gives it a fund of its own, otherwise donations go to the unrestricted fund.
 */
public record CampaignInput(
    String name,
    Long goalPaise,
    String goal,
    String startsOn,
    String endsOn,
    List<String> partners,
    String channel,
    String beneficiaryGroup,
    String slug,
    Boolean transparency,
    Boolean foreignContribution,
    Boolean restricted) {}
