package org.sahay.funds;

/** Where a campaign asks for money. */
public enum CampaignChannel {
  CROWDFUNDING_PLATFORM,
  SOCIAL_MEDIA,
  DIRECT_APPEAL,
  EVENT,
  OTHER
}
