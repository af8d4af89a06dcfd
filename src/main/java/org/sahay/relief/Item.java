package org.sahay.relief;

/** Something handed out: rice, dal, a mask, a ration kit packed elsewhere. */
public record Item(ItemId id, ItemNames names, Unit unit, Category category) {}
