package org.sahay.relief;

import java.util.List;
import org.sahay.platform.Names;

/** Items given together, for example a ration kit of rice, dal and oil. */
public record Kit(KitId id, Names names, List<ItemLine> lines) {}
