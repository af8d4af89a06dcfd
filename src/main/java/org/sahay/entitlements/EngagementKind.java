package org.sahay.entitlements;

/** How the collective engaged a stakeholder. */
public enum EngagementKind {
  MEETING,
  CALL,
  LETTER,
  PETITION,
  MEDIA_STORY
}
