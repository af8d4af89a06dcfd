package org.sahay.care;

/** What a training or orientation was about. */
public enum TrainingTopic {
  COVID_PRECAUTIONS,
  VIDEO_CALLS,
  MENTAL_HEALTH_STAFF,
  LEADERSHIP,
  OTHER
}
