package org.sahay.funds;

import java.time.LocalDate;

/**
 * One donor of a campaign with what they gave; anonymous donations are counted together under a
 * null name. Personal data: only for those who may see donors.
 */
public record DonorTotal(
    String donorName,
    String donorContact,
    int donations,
    long totalPaise,
    LocalDate firstOn,
    LocalDate lastOn) {}
