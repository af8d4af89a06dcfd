package org.sahay.forms;

import java.util.List;
import java.util.UUID;
import org.sahay.platform.OrganisationId;

/**
 * A filled form, handed to the {@link NeedsRecorder} inside the transaction that stores it, so that
 * the needs it raises are recorded with it or not at all. {@code sensitive}: the answers are
 * sensitive data (screenings), and so are the needs they raise.
 */
public record FormSubmitted(
    UUID submission,
    OrganisationId organisation,
    String formId,
    UUID member,
    UUID household,
    boolean sensitive,
    List<Need> needs,
    String submittedBy) {}
