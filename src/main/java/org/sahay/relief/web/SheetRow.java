package org.sahay.relief.web;

import org.sahay.relief.DistributionId;

/** A row of a distribution sheet: who received (code and name), when, by whom, reversed or not. */
public record SheetRow(
    int number,
    String code,
    String name,
    String when,
    String by,
    boolean reversed,
    DistributionId id) {}
