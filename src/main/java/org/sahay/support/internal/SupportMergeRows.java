package org.sahay.support.internal;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.MergeMoves.Rows;
import org.sahay.registry.MergeParticipant;
import org.springframework.stereotype.Component;

/**
 * Support's part of a merge: the lines of requests made for the merged record, the money paid to
 * her and its once-per-line claims become hers, except where the remaining record is already on
 * that line (then the line keeps both, as it was asked).
 */
@Component
class SupportMergeRows extends MergeParticipant {

  SupportMergeRows(MergeMoves moves) {
    super(
        moves,
        List.of(
            Rows.of("support.line-recipient", "support_line_recipient", "line_id", "recipient")
                .prefixed("M:")
                .unless(
                    "exists (select 1 from support_line_recipient r where r.line_id = t.line_id"
                        + " and r.recipient = :to)"),
            Rows.of("support.disbursement", "disbursement", "id", "recipient").prefixed("M:"),
            Rows.of("support.claim", "disbursement_claim", "line_id", "recipient")
                .prefixed("M:")
                .unless(
                    "exists (select 1 from disbursement_claim c where c.line_id = t.line_id"
                        + " and c.recipient = :to)")));
  }
}
