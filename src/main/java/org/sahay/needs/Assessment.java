package org.sahay.needs;

import java.util.List;
import java.util.UUID;
import org.sahay.platform.OrganisationId;

/**
 * A filled form's needs, handed to {@link Needs#record(Assessment)} inside the transaction that
 * stores the form, so that they are recorded with it or not at all. {@code sensitive}: the answers
 * are sensitive data (screenings), and so are the needs they raise.
 */
public record Assessment(
    UUID submission,
    OrganisationId organisation,
    String formId,
    UUID member,
    UUID household,
    boolean sensitive,
    List<AssessedNeed> needs,
    String submittedBy) {}
