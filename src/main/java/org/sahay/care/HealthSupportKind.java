package org.sahay.care;

/** What kind of health support she was given. */
public enum HealthSupportKind {
  MEDICINE,
  SUPPLEMENTARY_NUTRITION,
  ART_ADHERENCE,
  REFERRAL,
  LGBTQ_SUPPORT
}
