package org.sahay.entitlements;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.registry.DocumentType;

/**
 * How far a collective's members hold the documents that open the other schemes (ration card, bank
 * account, Aadhaar, voter ID), per district and in all; its drives; and documents won by month. For
 * the collective's own people counts are exact, with shares; for those who mentor or fund it they
 * are counts only, under five shown as "fewer than 5", and drives without outcomes.
 */
public record CoverageView(
    OrganisationId collective,
    String name,
    boolean exact,
    List<Row> districts,
    Row total,
    List<DriveLine> drives,
    List<MonthLine> granted) {

  /** The documents coverage follows. */
  public static final List<DocumentType> DOCUMENTS =
      List.of(
          DocumentType.RATION_CARD,
          DocumentType.BANK_ACCOUNT,
          DocumentType.AADHAAR,
          DocumentType.VOTER_ID);

  public CoverageView {
    districts = List.copyOf(districts);
    drives = List.copyOf(drives);
    granted = List.copyOf(granted);
  }

  /**
   * One district (or all): members, how many hold each document, and (for own people) the share in
   * whole percent.
   */
  public record Row(
      String district,
      SmallCount members,
      Map<DocumentType, SmallCount> holding,
      Map<DocumentType, Integer> percent) {}

  /** A drive: granted is null where outcomes are not shown. */
  public record DriveLine(DriveId id, String name, int target, SmallCount members, Long granted) {}

  /** Documents won through schemes in one month. */
  public record MonthLine(YearMonth month, DocumentType document, SmallCount count) {}
}
