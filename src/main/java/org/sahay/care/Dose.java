package org.sahay.care;

import java.time.LocalDate;
import java.util.UUID;
import org.sahay.registry.MemberId;

/** A dose a member was given: which vaccine, which dose of it, on which day, where. */
public record Dose(
    UUID id, MemberId member, String vaccine, int number, LocalDate givenOn, String place) {}
