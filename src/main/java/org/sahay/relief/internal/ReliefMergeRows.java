package org.sahay.relief.internal;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.MergeMoves.Rows;
import org.sahay.registry.MergeParticipant;
import org.springframework.stereotype.Component;

/**
 * Relief's part of a merge: every hand-over to the merged record becomes hers (she may then show
 * two in one round, which is what happened), and so do her claims and her places on round lists,
 * except where the remaining record already holds that round's claim or place.
 */
@Component
class ReliefMergeRows extends MergeParticipant {

  ReliefMergeRows(MergeMoves moves) {
    super(
        moves,
        List.of(
            Rows.of("relief.distribution", "distribution", "id", "member_id"),
            Rows.of("relief.claim", "distribution_claim", "round_id", "claim_key")
                .prefixed("M:")
                .unless(
                    "exists (select 1 from distribution_claim c where c.round_id = t.round_id"
                        + " and c.claim_key = :to)"),
            Rows.of("relief.round-entry", "distribution_round_entry", "round_id", "subject_key")
                .prefixed("M:")
                .unless(
                    "exists (select 1 from distribution_round_entry e"
                        + " where e.round_id = t.round_id and e.subject_key = :to)")));
  }
}
