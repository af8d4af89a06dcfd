package org.sahay.relief;

import java.util.List;

/** Items given together, for example a ration kit of rice, dal and oil. */
public record Kit(KitId id, ItemNames names, List<ItemLine> lines) {}
