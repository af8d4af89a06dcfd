package org.sahay.relief;

import java.time.LocalDate;
import org.sahay.platform.SmallCount;

/** A round as mentors and funders see it: counts only, those below five suppressed. */
public record RoundCounts(
    RoundId id,
    String name,
    LocalDate startsOn,
    LocalDate endsOn,
    SmallCount distributions,
    SmallCount households,
    SmallCount people) {}
