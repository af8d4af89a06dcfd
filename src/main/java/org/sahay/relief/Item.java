package org.sahay.relief;

import org.sahay.platform.Names;

/** Something handed out: rice, dal, a mask, a ration kit packed elsewhere. */
public record Item(ItemId id, Names names, Unit unit, Category category) {}
