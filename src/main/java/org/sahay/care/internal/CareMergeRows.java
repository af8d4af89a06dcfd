package org.sahay.care.internal;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.MergeMoves.Rows;
import org.sahay.registry.MergeParticipant;
import org.springframework.stereotype.Component;

/**
 * Care's part of a merge: loans with their repayments, incidents with their follow-ups, health
 * support and counselling sessions (all sealed under her key, so sealed again under the remaining
 * record's), vaccinations (but not a dose the remaining record already has), attendance at
 * trainings and group sessions, livelihoods, devices and how she is reached. Who a counsellor
 * shared a record with stays with that record: a share is not widened by a merge.
 */
@Component
class CareMergeRows extends MergeParticipant {

  CareMergeRows(MergeMoves moves) {
    super(
        moves,
        List.of(
            Rows.of("care.loan", "loan", "id", "member_id")
                .sealedAs("sealed", "loan")
                .withChildren("loan_repayment", "loan_id", "sealed", "loan-repayment"),
            Rows.of("care.incident", "incident", "id", "member_id")
                .sealedAs("sealed", "incident")
                .withChildren("incident_follow_up", "incident_id", "sealed", "incident-follow-up"),
            Rows.of("care.health-support", "health_support", "id", "member_id")
                .sealedAs("sealed", "health-support"),
            Rows.of("care.counselling", "counselling_session", "id", "member_id")
                .sealedAs("notes", "counselling-notes"),
            Rows.of("care.group-attendance", "counselling_attendance", "session_id", "member_id")
                .unless(
                    "exists (select 1 from counselling_attendance a"
                        + " where a.session_id = t.session_id and a.member_id = :to)"),
            Rows.of("care.vaccination", "vaccination_dose", "id", "member_id")
                .unless(
                    "exists (select 1 from vaccination_dose d where d.member_id = :to"
                        + " and d.vaccine_code = t.vaccine_code and d.dose_number = t.dose_number)"),
            Rows.of("care.training", "training_attendance", "training_id", "member_id")
                .unless(
                    "exists (select 1 from training_attendance a"
                        + " where a.training_id = t.training_id and a.member_id = :to)"),
            Rows.of("care.livelihood", "livelihood", "id", "member_id"),
            Rows.of("care.device", "device", "id", "member_id"),
            Rows.of("care.reach", "member_reach", "member_id", "member_id")
                .unless("exists (select 1 from member_reach r where r.member_id = :to)")));
  }
}
