package org.sahay.relief.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sahay.platform.Names;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.Category;
import org.sahay.relief.Item;
import org.sahay.relief.ItemId;
import org.sahay.relief.ItemLine;
import org.sahay.relief.Kit;
import org.sahay.relief.KitId;
import org.sahay.relief.Location;
import org.sahay.relief.LocationId;
import org.sahay.relief.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Items, kits and stock locations of a collective; every query names the organisation. */
@Repository
public class CatalogueStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  CatalogueStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void insertItem(OrganisationId organisation, Item item) {
    jdbc.sql(
            """
            insert into relief_item (id, organisation_id, name_en, name_hi, name_te, name_bn, unit,
              category, created_at)
            values (:id, :org, :en, :hi, :te, :bn, :unit, :category, :now)
            """)
        .param("id", item.id().value())
        .param("org", organisation.value())
        .param("en", item.names().en(), java.sql.Types.VARCHAR)
        .param("hi", item.names().hi(), java.sql.Types.VARCHAR)
        .param("te", item.names().te(), java.sql.Types.VARCHAR)
        .param("bn", item.names().bn(), java.sql.Types.VARCHAR)
        .param("unit", item.unit().name())
        .param("category", item.category().name())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Item> item(OrganisationId organisation, ItemId id) {
    return jdbc.sql("select * from relief_item where organisation_id = :org and id = :id")
        .param("org", organisation.value())
        .param("id", id.value())
        .query(CatalogueStore::item)
        .optional();
  }

  public List<Item> items(OrganisationId organisation) {
    return jdbc.sql(
            "select * from relief_item where organisation_id = :org"
                + " order by category, coalesce(name_en, name_hi, name_te, name_bn), id")
        .param("org", organisation.value())
        .query(CatalogueStore::item)
        .list();
  }

  public void insertKit(OrganisationId organisation, Kit kit) {
    jdbc.sql(
            """
            insert into relief_kit (id, organisation_id, name_en, name_hi, name_te, name_bn,
              created_at)
            values (:id, :org, :en, :hi, :te, :bn, :now)
            """)
        .param("id", kit.id().value())
        .param("org", organisation.value())
        .param("en", kit.names().en(), java.sql.Types.VARCHAR)
        .param("hi", kit.names().hi(), java.sql.Types.VARCHAR)
        .param("te", kit.names().te(), java.sql.Types.VARCHAR)
        .param("bn", kit.names().bn(), java.sql.Types.VARCHAR)
        .param("now", OffsetDateTime.now(clock))
        .update();
    for (ItemLine line : kit.lines()) {
      jdbc.sql(
              "insert into relief_kit_line (kit_id, item_id, organisation_id, quantity)"
                  + " values (:kit, :item, :org, :q)")
          .param("kit", kit.id().value())
          .param("item", line.item().value())
          .param("org", organisation.value())
          .param("q", line.quantity())
          .update();
    }
  }

  public Optional<Kit> kit(OrganisationId organisation, KitId id) {
    return jdbc.sql("select * from relief_kit where organisation_id = :org and id = :id")
        .param("org", organisation.value())
        .param("id", id.value())
        .query((rs, n) -> names(rs))
        .optional()
        .map(names -> new Kit(id, names, kitLines(organisation, id)));
  }

  public List<Kit> kits(OrganisationId organisation) {
    return jdbc
        .sql("select * from relief_kit where organisation_id = :org order by created_at, id")
        .param("org", organisation.value())
        .query((rs, n) -> new Object[] {new KitId(rs.getObject("id", UUID.class)), names(rs)})
        .list()
        .stream()
        .map(r -> new Kit((KitId) r[0], (Names) r[1], kitLines(organisation, (KitId) r[0])))
        .toList();
  }

  private List<ItemLine> kitLines(OrganisationId organisation, KitId kit) {
    return jdbc.sql(
            "select item_id, quantity from relief_kit_line"
                + " where organisation_id = :org and kit_id = :kit order by item_id")
        .param("org", organisation.value())
        .param("kit", kit.value())
        .query(
            (rs, n) ->
                new ItemLine(new ItemId(rs.getObject(1, UUID.class)), Quantities.read(rs, 2)))
        .list();
  }

  public void insertLocation(OrganisationId organisation, Location location) {
    jdbc.sql(
            "insert into stock_location (id, organisation_id, name, created_at)"
                + " values (:id, :org, :name, :now)")
        .param("id", location.id().value())
        .param("org", organisation.value())
        .param("name", location.name())
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  public Optional<Location> location(OrganisationId organisation, LocationId id) {
    return jdbc.sql("select id, name from stock_location where organisation_id = :org and id = :id")
        .param("org", organisation.value())
        .param("id", id.value())
        .query((rs, n) -> new Location(id, rs.getString(2)))
        .optional();
  }

  public List<Location> locations(OrganisationId organisation) {
    return jdbc.sql(
            "select id, name from stock_location where organisation_id = :org order by name, id")
        .param("org", organisation.value())
        .query(
            (rs, n) -> new Location(new LocationId(rs.getObject(1, UUID.class)), rs.getString(2)))
        .list();
  }

  private static Names names(ResultSet rs) throws SQLException {
    return new Names(
        rs.getString("name_en"),
        rs.getString("name_hi"),
        rs.getString("name_te"),
        rs.getString("name_bn"));
  }

  private static Item item(ResultSet rs, int n) throws SQLException {
    return new Item(
        new ItemId(rs.getObject("id", UUID.class)),
        names(rs),
        Unit.valueOf(rs.getString("unit")),
        Category.valueOf(rs.getString("category")));
  }
}
