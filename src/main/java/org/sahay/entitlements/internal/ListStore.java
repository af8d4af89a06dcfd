package org.sahay.entitlements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sahay.entitlements.BeneficiaryList;
import org.sahay.entitlements.BeneficiaryListId;
import org.sahay.entitlements.ListColumn;
import org.sahay.entitlements.ListTemplate;
import org.sahay.entitlements.ListTemplateId;
import org.sahay.entitlements.SchemeId;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** List templates, the lists sent, their frozen rows and who was left out. */
@Repository
public class ListStore {

  private static final String TEMPLATE_COLUMNS =
      "id, owner_id, name, columns, headings, date_format, language, version";
  private static final String LIST_COLUMNS =
      "id, organisation_id, office_id, template_id, title, selection, scheme_id, row_count,"
          + " left_out, sent_by, sent_at, acknowledged_by, acknowledged_at";

  private static final RowMapper<ListTemplate> TEMPLATE = ListStore::template;
  private static final RowMapper<BeneficiaryList> LIST = ListStore::list;

  /** A frozen row: its position, member and sealed cells. */
  public record Row(
      int position,
      MemberId member,
      byte[] sealed,
      OffsetDateTime suppliedAt,
      String suppliedBy,
      org.sahay.entitlements.EntitlementId entitlement) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  ListStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<ListTemplate> templates(OrganisationId organisation) {
    return jdbc.sql(
            "select "
                + TEMPLATE_COLUMNS
                + " from list_template where owner_id in (:shared, :own) order by name, id")
        .param("shared", SchemeStore.SHARED)
        .param("own", organisation == null ? SchemeStore.SHARED : organisation.value())
        .query(TEMPLATE)
        .list();
  }

  public Optional<ListTemplate> template(ListTemplateId id) {
    return jdbc.sql("select " + TEMPLATE_COLUMNS + " from list_template where id = :id")
        .param("id", id.value())
        .query(TEMPLATE)
        .optional();
  }

  public void insert(ListTemplate t) {
    jdbc.sql(
            """
            insert into list_template (id, owner_id, name, columns, headings, date_format,
              language, version, updated_at)
            values (:id, :owner, :name, :columns, :headings, :format, :language, 0, :now)
            """)
        .param("id", t.id().value())
        .param("owner", t.organisation() == null ? SchemeStore.SHARED : t.organisation().value())
        .param("name", t.name())
        .param("columns", t.columns().stream().map(Enum::name).collect(Collectors.joining(",")))
        .param("headings", String.join("|", t.headings()))
        .param("format", t.dateFormat())
        .param("language", t.language().code())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public void insert(BeneficiaryList l) {
    jdbc.sql(
            """
            insert into beneficiary_list (id, organisation_id, office_id, template_id, title,
              selection, scheme_id, row_count, left_out, sent_by, sent_at)
            values (:id, :org, :office, :template, :title, :selection, :scheme, :rows, :left,
              :by, :at)
            """)
        .param("id", l.id().value())
        .param("org", l.organisation().value())
        .param("office", l.office().value())
        .param("template", l.template().value())
        .param("title", l.title())
        .param("selection", l.selection())
        .param("scheme", l.scheme() == null ? null : l.scheme().value())
        .param("rows", l.rows())
        .param("left", l.leftOut())
        .param("by", l.sentBy())
        .param("at", l.sentAt())
        .update();
  }

  public void row(
      BeneficiaryListId list,
      OrganisationId organisation,
      int position,
      MemberId member,
      byte[] sealed,
      org.sahay.entitlements.EntitlementId entitlement) {
    jdbc.sql(
            """
            insert into beneficiary_list_row (list_id, position, member_id, organisation_id, sealed,
              entitlement_id)
            values (:list, :position, :member, :org, :sealed, :entitlement)
            """)
        .param("entitlement", entitlement == null ? null : entitlement.value())
        .param("list", list.value())
        .param("position", position)
        .param("member", member.value())
        .param("org", organisation.value())
        .param("sealed", sealed, java.sql.Types.VARBINARY)
        .update();
  }

  public void leftOut(BeneficiaryListId list, OrganisationId organisation, MemberId member) {
    jdbc.sql(
            """
            insert into beneficiary_list_left_out (list_id, member_id, organisation_id)
            values (:list, :member, :org) on conflict do nothing
            """)
        .param("list", list.value())
        .param("member", member.value())
        .param("org", organisation.value())
        .update();
  }

  public Optional<BeneficiaryList> find(BeneficiaryListId id) {
    return jdbc.sql("select " + LIST_COLUMNS + " from beneficiary_list where id = :id")
        .param("id", id.value())
        .query(LIST)
        .optional();
  }

  /** The lists a collective sent, or an office received, the latest first. */
  public List<BeneficiaryList> lists(String column, OrganisationId organisation) {
    String where = "office".equals(column) ? "office_id" : "organisation_id";
    return jdbc.sql(
            "select "
                + LIST_COLUMNS
                + " from beneficiary_list where "
                + where
                + " = :org"
                + " order by sent_at desc, id")
        .param("org", organisation.value())
        .query(LIST)
        .list();
  }

  /** A list sent, with what came of it: rows, rows supplied, and when it was acknowledged. */
  public record Outcome(
      BeneficiaryListId id,
      String title,
      OrganisationId office,
      OffsetDateTime sentAt,
      int rows,
      int supplied,
      OffsetDateTime acknowledgedAt) {}

  /** The collective's latest lists with their outcomes, at most {@code limit}. */
  public List<Outcome> outcomes(OrganisationId organisation, int limit) {
    return jdbc.sql(
            """
            select l.id, l.title, l.office_id, l.sent_at, l.row_count,
              (select count(*) from beneficiary_list_row r where r.list_id = l.id
                and r.organisation_id = l.organisation_id and r.supplied_at is not null),
              l.acknowledged_at
            from beneficiary_list l where l.organisation_id = :org
            order by l.sent_at desc, l.id limit :limit
            """)
        .param("org", organisation.value())
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Outcome(
                    new BeneficiaryListId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    new OrganisationId(rs.getObject(3, UUID.class)),
                    rs.getObject(4, OffsetDateTime.class),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getObject(7, OffsetDateTime.class)))
        .list();
  }

  private static final String ROW_COLUMNS =
      "position, member_id, sealed, supplied_at, supplied_by, entitlement_id";

  private static final RowMapper<Row> ROW =
      (rs, n) -> {
        UUID entitlement = rs.getObject(6, UUID.class);
        return new Row(
            rs.getInt(1),
            new MemberId(rs.getObject(2, UUID.class)),
            rs.getBytes(3),
            rs.getObject(4, OffsetDateTime.class),
            rs.getString(5),
            entitlement == null ? null : new org.sahay.entitlements.EntitlementId(entitlement));
      };

  /** A list's rows; {@code organisation} is the collective that sent it. */
  public List<Row> rows(OrganisationId organisation, BeneficiaryListId list) {
    return jdbc.sql(
            "select "
                + ROW_COLUMNS
                + " from beneficiary_list_row where list_id = :list and organisation_id = :org"
                + " order by position")
        .param("list", list.value())
        .param("org", organisation.value())
        .query(ROW)
        .list();
  }

  public Optional<Row> row(OrganisationId organisation, BeneficiaryListId list, int position) {
    return jdbc.sql(
            "select "
                + ROW_COLUMNS
                + " from beneficiary_list_row where list_id = :list"
                + " and position = :position and organisation_id = :org")
        .param("list", list.value())
        .param("org", organisation.value())
        .param("position", position)
        .query(ROW)
        .optional();
  }

  public List<MemberId> leftOutOf(OrganisationId organisation, BeneficiaryListId list) {
    return jdbc.sql(
            "select member_id from beneficiary_list_left_out where list_id = :list"
                + " and organisation_id = :org")
        .param("list", list.value())
        .param("org", organisation.value())
        .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** The office acknowledges a list sent to it. */
  public void acknowledge(OrganisationId office, BeneficiaryListId list, String by) {
    jdbc.sql(
            "update beneficiary_list set acknowledged_by = :by, acknowledged_at = :now"
                + " where id = :id and office_id = :office and acknowledged_at is null")
        .param("office", office.value())
        .param("by", by)
        .param("now", OffsetDateTime.now(clock))
        .param("id", list.value())
        .update();
  }

  /** Marks a row supplied; false when it was already. */
  public boolean supplied(
      OrganisationId organisation, BeneficiaryListId list, int position, String by) {
    return jdbc.sql(
                "update beneficiary_list_row set supplied_at = :now, supplied_by = :by"
                    + " where list_id = :list and position = :position and organisation_id = :org"
                    + " and supplied_at is null")
            .param("org", organisation.value())
            .param("now", OffsetDateTime.now(clock))
            .param("by", by)
            .param("list", list.value())
            .param("position", position)
            .update()
        == 1;
  }

  /** An erased member leaves no row and no mark behind: her row's cells are gone. */
  public void forgetMember(OrganisationId organisation, MemberId member) {
    jdbc.sql(
            "update beneficiary_list_row set sealed = null"
                + " where organisation_id = :org and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
    jdbc.sql(
            "delete from beneficiary_list_left_out where organisation_id = :org"
                + " and member_id = :member")
        .param("org", organisation.value())
        .param("member", member.value())
        .update();
  }

  private static ListTemplate template(ResultSet rs, int n) throws SQLException {
    UUID owner = rs.getObject("owner_id", UUID.class);
    return new ListTemplate(
        new ListTemplateId(rs.getObject("id", UUID.class)),
        SchemeStore.SHARED.equals(owner) ? null : new OrganisationId(owner),
        rs.getString("name"),
        Arrays.stream(rs.getString("columns").split(",")).map(ListColumn::valueOf).toList(),
        Arrays.asList(rs.getString("headings").split("\\|", -1)),
        rs.getString("date_format"),
        Language.of(java.util.Locale.forLanguageTag(rs.getString("language"))),
        rs.getInt("version"));
  }

  private static BeneficiaryList list(ResultSet rs, int n) throws SQLException {
    UUID scheme = rs.getObject("scheme_id", UUID.class);
    return new BeneficiaryList(
        new BeneficiaryListId(rs.getObject("id", UUID.class)),
        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
        new OrganisationId(rs.getObject("office_id", UUID.class)),
        new ListTemplateId(rs.getObject("template_id", UUID.class)),
        rs.getString("title"),
        rs.getString("selection"),
        scheme == null ? null : new SchemeId(scheme),
        rs.getInt("row_count"),
        rs.getInt("left_out"),
        rs.getString("sent_by"),
        rs.getObject("sent_at", OffsetDateTime.class),
        rs.getString("acknowledged_by"),
        rs.getObject("acknowledged_at", OffsetDateTime.class));
  }
}
