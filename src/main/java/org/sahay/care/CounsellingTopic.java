package org.sahay.care;

/** What a group session was about. */
public enum CounsellingTopic {
  STRESS_MANAGEMENT,
  RESILIENCE,
  EMOTIONAL_INTELLIGENCE,
  COLLECTIVE_EFFICACY,
  FITNESS,
  LEADERSHIP,
  OTHER
}
