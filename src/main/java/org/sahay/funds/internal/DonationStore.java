package org.sahay.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.sahay.funds.AccountId;
import org.sahay.funds.CampaignId;
import org.sahay.funds.DonationChannel;
import org.sahay.funds.DonationId;
import org.sahay.funds.FinancialYear;
import org.sahay.funds.FundId;
import org.sahay.funds.JournalEntryId;
import org.sahay.platform.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Donations and the receipt numbers of each organisation and financial year. */
@Repository
public class DonationStore {

  /** A donation's row; donor fields are ciphertexts under the donation's data key. */
  public record Row(
      DonationId id,
      OrganisationId organisation,
      CampaignId campaign,
      FundId fund,
      AccountId account,
      long amount,
      LocalDate receivedOn,
      DonationChannel channel,
      String reference,
      boolean anonymous,
      byte[] donorName,
      byte[] donorContact,
      String receiptNumber,
      JournalEntryId journalEntry) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  DonationStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The next receipt number of the organisation in the financial year (2026-27/000124). The
   * sequence row stays locked until the caller's transaction ends, so concurrent donations get
   * distinct, consecutive numbers, and a donation that fails leaves no gap.
   */
  public String nextReceiptNumber(OrganisationId organisation, FinancialYear year) {
    // Created in the caller's transaction: a second connection per donation could exhaust the
    // pool under load. A concurrent creator makes this one wait, then do nothing.
    jdbc.sql(
            "insert into receipt_sequence (organisation_id, financial_year, next_value)"
                + " values (:o, :y, 1) on conflict do nothing")
        .param("o", organisation.value())
        .param("y", year.label())
        .update();
    long next = lockSequence(organisation, year);
    jdbc.sql(
            "update receipt_sequence set next_value = :n"
                + " where organisation_id = :o and financial_year = :y")
        .param("n", next + 1)
        .param("o", organisation.value())
        .param("y", year.label())
        .update();
    return year.receiptNumber(next);
  }

  private long lockSequence(OrganisationId organisation, FinancialYear year) {
    return jdbc.sql(
            "select next_value from receipt_sequence"
                + " where organisation_id = :o and financial_year = :y for update")
        .param("o", organisation.value())
        .param("y", year.label())
        .query(Long.class)
        .single();
  }

  public void insert(Row d, String recordedBy) {
    jdbc.sql(
            """
            insert into donation (id, organisation_id, campaign_id, fund_id, account_id, amount,
              received_on, channel, reference, anonymous, donor_name, donor_contact,
              receipt_number, journal_entry_id, recorded_by, recorded_at)
            values (:id, :o, :campaign, :fund, :account, :amount, :on, :channel, :reference,
              :anonymous, :name, :contact, :receipt, :entry, :by, :now)
            """)
        .param("id", d.id().value())
        .param("o", d.organisation().value())
        .param("campaign", d.campaign().value())
        .param("fund", d.fund().value())
        .param("account", d.account().value())
        .param("amount", d.amount())
        .param("on", d.receivedOn())
        .param("channel", d.channel().name())
        .param("reference", d.reference(), java.sql.Types.VARCHAR)
        .param("anonymous", d.anonymous())
        .param("name", d.donorName(), java.sql.Types.VARBINARY)
        .param("contact", d.donorContact(), java.sql.Types.VARBINARY)
        .param("receipt", d.receiptNumber())
        .param("entry", d.journalEntry().value())
        .param("by", recordedBy)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public List<Row> ofCampaign(CampaignId campaign) {
    return jdbc.sql(
            "select * from donation where campaign_id = :c order by received_on, receipt_number")
        .param("c", campaign.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  public java.util.Optional<Row> find(DonationId id) {
    return jdbc.sql("select * from donation where id = :id")
        .param("id", id.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** Whether a donation with this reference is in the organisation's books. */
  public boolean referenceRecorded(OrganisationId organisation, String reference) {
    return jdbc.sql("select count(*) from donation where organisation_id = :o and reference = :r")
            .param("o", organisation.value())
            .param("r", reference)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Which of {@code references} the organisation has recorded already. */
  public java.util.Set<String> knownReferences(
      OrganisationId organisation, java.util.Collection<String> references) {
    if (references.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    List<String> all = List.copyOf(references);
    for (int from = 0; from < all.size(); from += 500) {
      known.addAll(
          jdbc.sql(
                  "select distinct reference from donation where organisation_id = :o"
                      + " and reference in (:r)")
              .param("o", organisation.value())
              .param("r", all.subList(from, Math.min(all.size(), from + 500)))
              .query(String.class)
              .list());
    }
    return known;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        new DonationId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new CampaignId(rs.getObject("campaign_id", UUID.class)),
        new FundId(rs.getObject("fund_id", UUID.class)),
        new AccountId(rs.getObject("account_id", UUID.class)),
        rs.getLong("amount"),
        rs.getObject("received_on", LocalDate.class),
        DonationChannel.valueOf(rs.getString("channel")),
        rs.getString("reference"),
        rs.getBoolean("anonymous"),
        rs.getBytes("donor_name"),
        rs.getBytes("donor_contact"),
        rs.getString("receipt_number"),
        new JournalEntryId(rs.getObject("journal_entry_id", UUID.class)));
  }
}
