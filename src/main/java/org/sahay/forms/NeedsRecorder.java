package org.sahay.forms;

import java.util.List;

/**
 * Records the needs a filled form raised, in the transaction that stores the form, and says for
 * each whether it is new or brought up to date an open need of the same category (a second
 * assessment of a household does not raise its needs again). The needs module implements it.
 */
public interface NeedsRecorder {

  List<RecordedNeed> record(FormSubmitted submitted);
}
