package org.sahay.care;

/** Where the collective referred her. */
public enum Referral {
  LEGAL_AID,
  SHELTER,
  HEALTH
}
