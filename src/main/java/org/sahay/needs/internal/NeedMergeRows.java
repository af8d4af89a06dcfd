package org.sahay.needs.internal;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.MergeMoves.Rows;
import org.sahay.registry.MergeParticipant;
import org.springframework.stereotype.Component;

/**
 * Needs' part of a merge: every need of the merged record becomes hers, its sealed category and
 * severity sealed again under her key.
 */
@Component
class NeedMergeRows extends MergeParticipant {

  NeedMergeRows(MergeMoves moves) {
    super(
        moves,
        List.of(Rows.of("needs.need", "need", "id", "member_id").sealedAs("sealed", "need")));
  }
}
