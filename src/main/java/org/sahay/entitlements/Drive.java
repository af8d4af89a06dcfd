package org.sahay.entitlements;

import java.time.LocalDate;

/**
 * A drive: a named effort to get one scheme for a group of members (open 60 Jan Dhan accounts in
 * Guntur this month), with its period, place, target group and target number. {@code members}: how
 * many are in it.
 */
public record Drive(
    DriveId id,
    SchemeId scheme,
    String name,
    LocalDate startsOn,
    LocalDate endsOn,
    String place,
    String targetGroup,
    int targetNumber,
    String createdBy,
    int members) {}
