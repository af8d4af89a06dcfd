package org.sahay.needs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * One step in a need's history: its status and severity after the step ({@code SEALED} for a
 * sensitive need's severity), who follows it up, who recorded the step and when. The API names the
 * fields as it always has.
 */
public record NeedEvent(
    String status,
    String severity,
    @JsonProperty("follow_up_by") String followUpBy,
    @JsonProperty("recorded_by") String recordedBy,
    @JsonProperty("recorded_at") OffsetDateTime recordedAt) {}
