package org.sahay.registry;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.springframework.context.event.EventListener;

/**
 * A module's part in merges, as a list of the kinds of row it holds about a member: on {@link
 * MembersMerged} each is moved to the remaining record, on {@link MergeUndone} moved back, inside
 * the merging transaction. A module extends this with its rows, as a component of its own.
 */
public abstract class MergeParticipant {

  private final MergeMoves moves;
  private final List<MergeMoves.Rows> rows;

  protected MergeParticipant(MergeMoves moves, List<MergeMoves.Rows> rows) {
    this.moves = moves;
    this.rows = List.copyOf(rows);
  }

  @EventListener
  public void on(MembersMerged merged) {
    for (MergeMoves.Rows r : rows) {
      moves.move(merged.merge(), r, merged.merged().value(), merged.survivor().value());
    }
  }

  @EventListener
  public void on(MergeUndone undone) {
    for (MergeMoves.Rows r : rows) {
      moves.undo(undone.merge(), r, undone.merged().value(), undone.survivor().value());
    }
  }
}
