package org.sahay.relief;

import java.math.BigDecimal;

/** A quantity of one item, in the item's unit: part of a kit or of what a round gives. */
public record ItemLine(ItemId item, BigDecimal quantity) {}
