package org.sahay.registry;

/** What a member may consent to, one purpose at a time. */
public enum ConsentPurpose {
  SHARE_WITH_DISTRICT,
  CASE_STORY_TO_FUNDER,
  PHOTOGRAPHS,
  CONTACT_BY_PHONE
}
