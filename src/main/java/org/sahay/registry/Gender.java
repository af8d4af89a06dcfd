package org.sahay.registry;

/** As the member states it. */
public enum Gender {
  FEMALE,
  MALE,
  TRANSGENDER,
  OTHER,
  NOT_STATED
}
