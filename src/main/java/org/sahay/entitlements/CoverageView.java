package org.sahay.entitlements;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.SmallCount;
import org.sahay.registry.DocumentType;

/**
 * How far a collective's members hold the documents that open the other schemes (ration card, bank
 * account, Aadhaar, voter ID), per district and in all, and month by month over the last year; its
 * drives; the lists it sent to district offices and what came of them; and documents won by month.
 * For the collective's own people counts are exact, with shares; for those who mentor or fund it
 * they are counts only, under five shown as "fewer than 5", and drives without outcomes.
 */
public record CoverageView(
    OrganisationId collective,
    String name,
    boolean exact,
    List<Row> districts,
    Row total,
    List<DriveLine> drives,
    List<MonthLine> granted,
    List<TrendLine> trend,
    List<ListLine> lists) {

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
    trend = List.copyOf(trend);
    lists = List.copyOf(lists);
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

  /** One district in one month of the last year: how it stood at the month's end (or today). */
  public record TrendLine(YearMonth month, Row row) {}

  /**
   * A list sent to a district office and what came of it: how many were on it and how many the
   * office supplied, and whether it acknowledged the list. The title only for the collective's own
   * people.
   */
  public record ListLine(
      BeneficiaryListId id,
      String title,
      String office,
      LocalDate sentOn,
      SmallCount rows,
      SmallCount supplied,
      boolean acknowledged) {}

  /** Documents won through schemes in one month. */
  public record MonthLine(YearMonth month, DocumentType document, SmallCount count) {}
}
