package org.sahay.funds;

import java.time.LocalDate;
import java.util.List;

/** A crowdfunding campaign and the fund its donations go to. */
public record Campaign(
    CampaignId id,
    FundId fundId,
    String name,
    long goalPaise,
    LocalDate startsOn,
    LocalDate endsOn,
    List<String> partners,
    CampaignChannel channel,
    String beneficiaryGroup,
    String slug,
    boolean transparency,
    boolean foreignContribution,
    boolean restricted) {}
