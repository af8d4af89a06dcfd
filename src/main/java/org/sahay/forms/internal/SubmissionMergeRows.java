package org.sahay.forms.internal;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.MergeMoves.Rows;
import org.sahay.registry.MergeParticipant;
import org.springframework.stereotype.Component;

/**
 * Forms' part of a merge: every assessment the merged record answered becomes hers (it is sealed
 * under the assessment's own key, so it only changes hands).
 */
@Component
class SubmissionMergeRows extends MergeParticipant {

  SubmissionMergeRows(MergeMoves moves) {
    super(moves, List.of(Rows.of("forms.submission", "form_submission", "id", "member_id")));
  }
}
