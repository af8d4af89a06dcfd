package org.sahay.relief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.Actor;
import org.sahay.access.AuditLog;
import org.sahay.platform.Names;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.relief.internal.CatalogueStore;
import org.sahay.relief.internal.Quantities;
import org.sahay.relief.internal.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The items, kits and stock locations of a collective. */
@Service
public class ReliefCatalogue {

  /** What a new item is called, counted in and counted as. */
  public record ItemInput(
      String nameEn, String nameHi, String nameTe, String nameBn, String unit, String category) {}

  /** A new kit: its names and what is in it. */
  public record KitInput(
      String nameEn, String nameHi, String nameTe, String nameBn, List<ItemLine> lines) {}

  /** The outcome of creating an item, kit or location. */
  public sealed interface Outcome<T> {
    record Saved<T>(T saved) implements Outcome<T> {}

    /** Field name to message key for each wrong field. */
    record Invalid<T>(Map<String, String> errors) implements Outcome<T> {}
  }

  private static final int MAX_NAME = 120;

  private final CatalogueStore store;
  private final Scope scope;
  private final AuditLog audit;

  ReliefCatalogue(CatalogueStore store, Scope scope, AuditLog audit) {
    this.store = store;
    this.scope = scope;
    this.audit = audit;
  }

  @Transactional
  public Outcome<Item> createItem(Actor by, ItemInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    Names names = names(input.nameEn(), input.nameHi(), input.nameTe(), input.nameBn(), errors);
    Unit unit = parse(Unit.class, input.unit(), "unit", "relief.item.unit.invalid", errors);
    Category category =
        parse(Category.class, input.category(), "category", "relief.item.category.invalid", errors);
    if (!errors.isEmpty()) {
      return new Outcome.Invalid<>(errors);
    }
    Item item = new Item(ItemId.newId(), names, unit, category);
    store.insertItem(collective, item);
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "RELIEF_ITEM_CREATED",
            "relief_item",
            item.id().toString(),
            unit + ", " + category));
    return new Outcome.Saved<>(item);
  }

  @Transactional
  public Outcome<Kit> createKit(Actor by, KitInput input) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    Map<String, String> errors = new LinkedHashMap<>();
    Names names = names(input.nameEn(), input.nameHi(), input.nameTe(), input.nameBn(), errors);
    List<ItemLine> lines = lines(collective, input.lines(), errors);
    if (!errors.isEmpty()) {
      return new Outcome.Invalid<>(errors);
    }
    Kit kit = new Kit(KitId.newId(), names, lines);
    store.insertKit(collective, kit);
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "RELIEF_KIT_CREATED",
            "relief_kit",
            kit.id().toString(),
            "items: " + lines.size()));
    return new Outcome.Saved<>(kit);
  }

  @Transactional
  public Outcome<Location> createLocation(Actor by, String name) {
    OrganisationId collective = scope.own(by, ReliefAction.RELIEF_WRITE);
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      return new Outcome.Invalid<>(Map.of("name", "relief.location.name.required"));
    }
    Location location = new Location(LocationId.newId(), name.strip());
    store.insertLocation(collective, location);
    audit.record(
        new AuditLog.Event(
            by.username(),
            collective,
            "STOCK_LOCATION_CREATED",
            "stock_location",
            location.id().toString(),
            ""));
    return new Outcome.Saved<>(location);
  }

  @Transactional(readOnly = true)
  public List<Item> items(Actor by) {
    return store.items(scope.own(by, ReliefAction.RELIEF_READ));
  }

  @Transactional(readOnly = true)
  public List<Kit> kits(Actor by) {
    return store.kits(scope.own(by, ReliefAction.RELIEF_READ));
  }

  @Transactional(readOnly = true)
  public List<Location> locations(Actor by) {
    return store.locations(scope.own(by, ReliefAction.RELIEF_READ));
  }

  /**
   * An item of the collective's catalogue, for another module that checked its own permission (a
   * support request's goods line names one); empty for another collective's item or none.
   */
  @Transactional(readOnly = true)
  public Optional<Item> itemOf(OrganisationId collective, ItemId id) {
    return store.item(collective, id);
  }

  @Transactional(readOnly = true)
  public Item item(Actor by, ItemId id) {
    return store
        .item(scope.own(by, ReliefAction.RELIEF_READ), id)
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Checks lines of items of the collective: each item known, each quantity positive, no item
   * twice. Wrong lines are reported under {@code lines}.
   */
  List<ItemLine> lines(
      OrganisationId collective, List<ItemLine> lines, Map<String, String> errors) {
    if (lines == null || lines.isEmpty()) {
      errors.put("lines", "relief.lines.required");
      return List.of();
    }
    Map<ItemId, ItemLine> checked = new LinkedHashMap<>();
    for (ItemLine line : lines) {
      if (line == null || line.item() == null || store.item(collective, line.item()).isEmpty()) {
        errors.put("lines", "relief.lines.item.unknown");
        return List.of();
      }
      if (!Quantities.valid(line.quantity())) {
        errors.put("lines", "relief.quantity.invalid");
        return List.of();
      }
      if (checked.put(line.item(), new ItemLine(line.item(), Quantities.normal(line.quantity())))
          != null) {
        errors.put("lines", "relief.lines.duplicate");
        return List.of();
      }
    }
    return List.copyOf(checked.values());
  }

  private static Names names(
      String en, String hi, String te, String bn, Map<String, String> errors) {
    Names names = new Names(en, hi, te, bn);
    if (names.isEmpty()) {
      errors.put("nameEn", "relief.item.name.required");
    }
    for (String name : new String[] {names.en(), names.hi(), names.te(), names.bn()}) {
      if (name != null && name.length() > MAX_NAME) {
        errors.put("nameEn", "relief.item.name.tooLong");
      }
    }
    return names;
  }

  static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String key, Map<String, String> errors) {
    try {
      return Enum.valueOf(type, String.valueOf(value).strip());
    } catch (IllegalArgumentException e) {
      errors.put(field, key);
      return null;
    }
  }
}
