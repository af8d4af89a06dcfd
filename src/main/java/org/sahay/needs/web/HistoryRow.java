package org.sahay.needs.web;

import java.time.Instant;

/** One step in the history of a need: status, severity, who follows it up, who and when. */
public record HistoryRow(
    String status, String severity, String followUpBy, String recordedBy, Instant at) {}
