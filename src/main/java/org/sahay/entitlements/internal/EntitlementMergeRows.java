package org.sahay.entitlements.internal;

import java.util.List;
import org.sahay.platform.MergeMoves;
import org.sahay.platform.MergeMoves.Rows;
import org.sahay.registry.MergeParticipant;
import org.springframework.stereotype.Component;

/**
 * Entitlements' part of a merge: her status per scheme (where the remaining record has none for
 * that scheme), her places in drives and on district lists (rows sealed under her key are sealed
 * again), and where she was left off a list.
 */
@Component
class EntitlementMergeRows extends MergeParticipant {

  EntitlementMergeRows(MergeMoves moves) {
    super(
        moves,
        List.of(
            Rows.of("entitlements.status", "entitlement", "id", "member_id")
                .unless(
                    "exists (select 1 from entitlement e where e.member_id = :to"
                        + " and e.scheme_id = t.scheme_id)"),
            Rows.of("entitlements.drive", "drive_member", "drive_id", "member_id")
                .unless(
                    "exists (select 1 from drive_member d where d.drive_id = t.drive_id"
                        + " and d.member_id = :to)"),
            Rows.of("entitlements.list-row", "beneficiary_list_row", "list_id", "member_id")
                .sealedAs("sealed", "district-list-row"),
            Rows.of("entitlements.left-out", "beneficiary_list_left_out", "list_id", "member_id")
                .unless(
                    "exists (select 1 from beneficiary_list_left_out l where l.list_id = t.list_id"
                        + " and l.member_id = :to)")));
  }
}
