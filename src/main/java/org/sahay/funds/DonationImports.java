package org.sahay.funds;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.internal.CampaignStore;
import org.sahay.funds.internal.DonationStore;
import org.sahay.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Donations imported from a bank or platform statement (CSV with a header row). Columns are mapped
 * by their header names; rows whose reference is recorded already, in the books or earlier in the
 * file, are skipped. Each row is recorded in a transaction of its own, so a bad row costs only that
 * row; the report says what became of every row, with message keys, never with the values.
 */
@Service
public class DonationImports {

  public static final int MAX_ROWS = 5_000;

  /** Which header names hold which field; null picks the usual names of bank statements. */
  public record Mapping(
      String date,
      String amount,
      String reference,
      String donorName,
      String channel,
      String defaultChannel,
      String accountId) {

    /** A name left blank is none (the usual names are tried); names are stripped. */
    public Mapping {
      date = named(date);
      amount = named(amount);
      reference = named(reference);
      donorName = named(donorName);
      channel = named(channel);
      defaultChannel = named(defaultChannel);
      accountId = named(accountId);
    }

    private static String named(String name) {
      return name == null || name.isBlank() ? null : name.strip();
    }
  }

  /** What became of a row. */
  public enum Status {
    RECORDED,
    KNOWN_REFERENCE,
    REPEATED_IN_FILE,
    INVALID,
    REFUSED
  }

  /** One row of the statement (line 2 is the first row after the header). */
  public record Row(int line, Status status, String receiptNumber, Map<String, String> errors) {}

  /** The report of an import; {@code problem} is a message key when the file could not be read. */
  public record Report(List<Row> rows, String problem, List<String> columns) {
    /** {@code columns}: the header names of a statement whose columns could not be told apart. */
    public Report(List<Row> rows, String problem) {
      this(rows, problem, List.of());
    }

    public long count(Status status) {
      return rows.stream().filter(r -> r.status() == status).count();
    }
  }

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("d/M/uuuu"),
          DateTimeFormatter.ofPattern("d-M-uuuu"),
          DateTimeFormatter.ofPattern("d.M.uuuu"),
          DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH));

  private final Donations donations;
  private final CampaignStore campaigns;
  private final DonationStore store;
  private final AccessPolicy policy;

  DonationImports(
      Donations donations, CampaignStore campaigns, DonationStore store, AccessPolicy policy) {
    this.donations = donations;
    this.campaigns = campaigns;
    this.store = store;
    this.policy = policy;
  }

  /** A statement's rows as read, before anything is recorded; {@code problem} when unreadable. */
  public record Statement(String problem, List<String> columns, List<Line> lines) {}

  /**
   * One row as read: {@code date} is yyyy-mm-dd or null when no known format fits, {@code channel}
   * is the channel's name or the fallback; the amount is checked when it is recorded.
   */
  public record Line(
      int line, String reference, String date, String amount, String channel, String donorName) {}

  /**
   * Reads a statement without touching the books (what an upload of any bytes can do, and what the
   * fuzzing in {@code UploadFuzzTest} feeds): a problem key, or the rows mapped to fields.
   */
  public static Statement read(byte[] content, Mapping mapping) {
    List<CSVRecord> records;
    Map<String, Integer> header;
    String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(text))) {
      header = parser.getHeaderMap();
      records = parser.getRecords();
    } catch (IOException | RuntimeException e) {
      return new Statement("funds.import.unreadable", List.of(), List.of());
    }
    if (records.size() > MAX_ROWS) {
      return new Statement("funds.import.tooManyRows", List.of(), List.of());
    }
    Integer date = column(header, mapping.date(), "date", "txn date", "value date");
    Integer amount = column(header, mapping.amount(), "amount", "credit", "deposit", "cr");
    Integer reference =
        column(header, mapping.reference(), "reference", "ref", "utr", "transaction id", "ref no");
    Integer donor = column(header, mapping.donorName(), "donor", "donor name", "name");
    Integer channel = column(header, mapping.channel(), "channel", "mode");
    if (date == null || amount == null || reference == null) {
      return new Statement("funds.import.columnsMissing", List.copyOf(header.keySet()), List.of());
    }
    // Rows without a channel: what was chosen, else cash into the cash account or a transfer.
    String fallback =
        mapping.defaultChannel() != null && !mapping.defaultChannel().isBlank()
            ? mapping.defaultChannel()
            : (mapping.accountId() == null || mapping.accountId().isBlank()
                ? "CASH"
                : "BANK_TRANSFER");
    List<Line> lines = new ArrayList<>();
    for (CSVRecord r : records) {
      lines.add(
          new Line(
              (int) r.getRecordNumber() + 1,
              cell(r, reference),
              isoDate(cell(r, date)),
              cell(r, amount),
              channel(channel == null ? "" : cell(r, channel), fallback),
              donor == null ? "" : cell(r, donor)));
    }
    return new Statement(null, List.of(), List.copyOf(lines));
  }

  public Report importCsv(Actor by, CampaignId id, byte[] content, Mapping mapping) {
    CampaignStore.Row campaign = campaigns.find(id).orElseThrow(NotFoundException::new);
    policy.require(by, FundsAction.DONATION_RECORD, campaign.organisation());
    Statement statement = read(content, mapping);
    if (statement.problem() != null) {
      return new Report(List.of(), statement.problem(), statement.columns());
    }
    List<String> references = statement.lines().stream().map(Line::reference).toList();
    Set<String> known = store.knownReferences(campaign.organisation(), references);
    Set<String> seen = new HashSet<>();
    List<Row> rows = new ArrayList<>();
    for (Line l : statement.lines()) {
      int line = l.line();
      String ref = l.reference();
      Map<String, String> errors = new LinkedHashMap<>();
      if (ref.isEmpty()) {
        errors.put("reference", "funds.import.reference.required");
        rows.add(new Row(line, Status.INVALID, null, errors));
        continue;
      }
      if (known.contains(ref)) {
        rows.add(new Row(line, Status.KNOWN_REFERENCE, null, Map.of()));
        continue;
      }
      if (!seen.add(ref)) {
        rows.add(new Row(line, Status.REPEATED_IN_FILE, null, Map.of()));
        continue;
      }
      String on = l.date();
      if (on == null) {
        errors.put("receivedOn", "funds.date.invalid");
      }
      String name = l.donorName();
      DonationInput input =
          new DonationInput(
              null,
              l.amount(),
              on == null ? "" : on,
              l.channel(),
              ref,
              mapping.accountId(),
              name.isEmpty(),
              name.isEmpty() ? null : name,
              null);
      FundsOutcome<Donation> outcome = donations.record(by, id, input);
      if (outcome instanceof FundsOutcome.Done<Donation> done) {
        rows.add(new Row(line, Status.RECORDED, done.value().receiptNumber(), Map.of()));
      } else if (outcome instanceof FundsOutcome.Invalid<Donation> invalid) {
        errors.putAll(invalid.errors());
        rows.add(new Row(line, Status.INVALID, null, errors));
      } else if (outcome instanceof FundsOutcome.Refused<Donation> again
          && again.refusal() == FundsOutcome.Refusal.ALREADY_RECORDED) {
        // Recorded meanwhile by another import of the same statement: a no-op, said so.
        rows.add(new Row(line, Status.KNOWN_REFERENCE, null, Map.of()));
      } else {
        var refused = (FundsOutcome.Refused<Donation>) outcome;
        rows.add(
            new Row(
                line,
                Status.REFUSED,
                null,
                Map.of("row", "funds.refused." + refused.refusal().name())));
      }
    }
    return new Report(rows, null);
  }

  private static Integer column(Map<String, Integer> header, String chosen, String... usual) {
    Map<String, Integer> lower = new LinkedHashMap<>();
    header.forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v));
    if (chosen != null && !chosen.isBlank()) {
      return lower.get(chosen.strip().toLowerCase(Locale.ROOT));
    }
    for (String name : usual) {
      if (lower.containsKey(name)) {
        return lower.get(name);
      }
    }
    return null;
  }

  private static String cell(CSVRecord r, int column) {
    return column < r.size() ? r.get(column).strip() : "";
  }

  /** yyyy-mm-dd from the date formats of Indian bank statements; null when none fits. */
  static String isoDate(String value) {
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(value, format).toString();
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return null;
  }

  /** NEFT, RTGS and IMPS are bank transfers; an empty cell takes {@code fallback}. */
  static String channel(String value, String fallback) {
    String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    if (v.isEmpty()) {
      return fallback;
    }
    switch (v) {
      case "NEFT":
      case "RTGS":
      case "IMPS":
      case "BANK":
      case "TRANSFER":
        return "BANK_TRANSFER";
      case "ONLINE":
      case "PLATFORM":
        return "ONLINE_PLATFORM";
      default:
        return v;
    }
  }
}
