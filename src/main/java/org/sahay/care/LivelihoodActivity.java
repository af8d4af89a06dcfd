package org.sahay.care;

/** What she does to earn. */
public enum LivelihoodActivity {
  COOKING_FROM_HOME,
  FRUIT_VEGETABLE_STALL,
  TAILORING,
  OTHER
}
