package org.sahay.relief;

/** What kind of help an item is. */
public enum Category {
  FOOD,
  HYGIENE,
  MEDICINE,
  NUTRITION,
  OTHER
}
