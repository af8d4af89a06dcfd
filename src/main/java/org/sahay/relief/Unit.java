package org.sahay.relief;

/** What an item is counted in. */
public enum Unit {
  KG,
  LITRE,
  PACKET,
  PIECE,
  KIT
}
