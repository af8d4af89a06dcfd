package org.sahay.forms;

/** The XLSForm question types Sahay supports; GROUP stands for a begin_group row. */
public enum QuestionType {
  TEXT,
  INTEGER,
  DECIMAL,
  DATE,
  SELECT_ONE,
  SELECT_MULTIPLE,
  NOTE,
  CALCULATE,
  GROUP;

  /** Whether a person answers this question (not a note, calculation or group). */
  public boolean isInput() {
    return this != NOTE && this != CALCULATE && this != GROUP;
  }

  public boolean isSelect() {
    return this == SELECT_ONE || this == SELECT_MULTIPLE;
  }
}
