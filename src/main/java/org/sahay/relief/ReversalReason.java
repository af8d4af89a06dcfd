package org.sahay.relief;

/** Why a recorded distribution was reversed; a fixed list, never free text. */
public enum ReversalReason {
  WRONG_PERSON,
  RECORDED_TWICE,
  NOT_HANDED_OVER,
  OTHER
}
