package org.sahay.relief.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.sahay.access.Actor;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.relief.AdjustmentReason;
import org.sahay.relief.BatchId;
import org.sahay.relief.Category;
import org.sahay.relief.Item;
import org.sahay.relief.ItemId;
import org.sahay.relief.ItemLine;
import org.sahay.relief.Location;
import org.sahay.relief.LocationId;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Stock;
import org.sahay.relief.StockSource;
import org.sahay.relief.Unit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages where a collective keeps its relief in order: items, kits and places; stock on hand with
 * what expires soon first; stock received, moved and corrected (new rounds are {@link
 * RoundFormController}). Plain forms that work without JavaScript; a refusal shows the form again
 * with what was typed and a message beside each wrong field, and nothing is saved.
 */
@Controller
class StockPagesController {

  static final int EXPIRING_DAYS = 30;
  private static final int KIT_ROWS = 4;
  private static final List<String> STOCK_FORMS = List.of("receive", "move", "adjust");

  private final Stock stock;
  private final ReliefCatalogue catalogue;
  private final Today today;

  StockPagesController(Stock stock, ReliefCatalogue catalogue, Today today) {
    this.today = today;
    this.stock = stock;
    this.catalogue = catalogue;
  }

  @GetMapping("/relief/stock")
  String stock(Actor actor, Model model) {
    model.addAttribute("levels", stock.levels(actor, null));
    model.addAttribute("soon", stock.expiringWithin(actor, EXPIRING_DAYS));
    model.addAttribute("days", EXPIRING_DAYS);
    lists(catalogue, actor, model);
    flash(model);
    return "relief/stock";
  }

  @GetMapping("/relief/catalogue")
  String catalogue(Actor actor, Model model) {
    return cataloguePage(actor, model, "", FormState.empty());
  }

  @PostMapping("/relief/items")
  String createItem(
      Actor actor,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    var outcome =
        catalogue.createItem(
            actor,
            new ReliefCatalogue.ItemInput(
                form.get("nameEn"),
                form.get("nameHi"),
                form.get("nameTe"),
                form.get("nameBn"),
                form.get("unit"),
                form.get("category")));
    return catalogueOutcome(actor, outcome, "item", form, new LinkedHashMap<>(), model, redirect);
  }

  @PostMapping("/relief/kits")
  String createKit(
      Actor actor,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<ItemLine> lines = lines(form, KIT_ROWS, errors);
    if (!errors.isEmpty()) {
      // A row that cannot be read: save nothing, rather than a kit without that row.
      return cataloguePage(actor, model, "kit", FormState.of(form, errors));
    }
    var outcome =
        catalogue.createKit(
            actor,
            new ReliefCatalogue.KitInput(
                form.get("nameEn"),
                form.get("nameHi"),
                form.get("nameTe"),
                form.get("nameBn"),
                lines));
    return catalogueOutcome(actor, outcome, "kit", form, errors, model, redirect);
  }

  @PostMapping("/relief/locations")
  String createLocation(
      Actor actor,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    var outcome = catalogue.createLocation(actor, form.get("name"));
    return catalogueOutcome(
        actor, outcome, "location", form, new LinkedHashMap<>(), model, redirect);
  }

  @GetMapping("/relief/stock/{kind}")
  String stockForm(Actor actor, @PathVariable String kind, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    if ("receive".equals(kind)) {
      values.put("receivedOn", today.at(actor.organisation()).toString());
    }
    return stockPage(actor, model, kind(kind), FormState.of(values, Map.of()));
  }

  @PostMapping("/relief/stock/{kind}")
  String changeStock(
      Actor actor,
      @PathVariable String kind,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    ItemId item = id(ItemId::new, form.get("itemId"), "itemId", "relief.item.unknown", errors);
    BigDecimal quantity;
    Stock.Outcome outcome;
    switch (kind(kind)) {
      case "receive":
        LocationId at =
            id(
                LocationId::new,
                form.get("locationId"),
                "locationId",
                "relief.location.unknown",
                errors);
        quantity = decimal(form.get("quantity"), "quantity", errors);
        LocalDate receivedOn = date(form.get("receivedOn"), "receivedOn", errors);
        LocalDate expiresOn = date(form.get("expiresOn"), "expiresOn", errors);
        if (!errors.isEmpty()) {
          return stockPage(actor, model, kind, FormState.of(form, errors));
        }
        outcome =
            stock.receive(
                actor,
                new Stock.ReceiptInput(
                    at,
                    item,
                    quantity,
                    form.get("source"),
                    form.get("sourceNote"),
                    null,
                    receivedOn,
                    expiresOn));
        break;
      case "move":
        LocationId from =
            id(
                LocationId::new,
                form.get("fromLocationId"),
                "fromLocationId",
                "relief.location.unknown",
                errors);
        LocationId to =
            id(
                LocationId::new,
                form.get("toLocationId"),
                "toLocationId",
                "relief.location.unknown",
                errors);
        quantity = decimal(form.get("quantity"), "quantity", errors);
        if (!errors.isEmpty()) {
          return stockPage(actor, model, kind, FormState.of(form, errors));
        }
        outcome = stock.transfer(actor, new Stock.TransferInput(from, to, item, quantity));
        break;
      default:
        LocationId where =
            id(
                LocationId::new,
                form.get("locationId"),
                "locationId",
                "relief.location.unknown",
                errors);
        BigDecimal change = signed(form.get("change"), errors);
        LocalDate expires = date(form.get("expiresOn"), "expiresOn", errors);
        if (!errors.isEmpty()) {
          return stockPage(actor, model, kind, FormState.of(form, errors));
        }
        outcome =
            stock.adjust(
                actor,
                new Stock.AdjustmentInput(
                    where, item, (BatchId) null, change, form.get("reason"), expires));
    }
    if (outcome instanceof Stock.Outcome.Done) {
      redirect.addFlashAttribute("notice", "relief.page.saved");
      return "redirect:/relief/stock";
    }
    if (outcome instanceof Stock.Outcome.Short s) {
      model.addAttribute("problem", "relief.stock.short");
      model.addAttribute("problemArgs", new String[] {s.left().toPlainString()});
      return stockPage(actor, model, kind, FormState.of(form, Map.of()));
    }
    return stockPage(
        actor, model, kind, FormState.of(form, ((Stock.Outcome.Invalid) outcome).errors()));
  }

  private String catalogueOutcome(
      Actor actor,
      ReliefCatalogue.Outcome<?> outcome,
      String which,
      Map<String, String> form,
      Map<String, String> errors,
      Model model,
      RedirectAttributes redirect) {
    if (outcome instanceof ReliefCatalogue.Outcome.Saved<?> && errors.isEmpty()) {
      redirect.addFlashAttribute("notice", "relief.page.saved");
      return "redirect:/relief/catalogue";
    }
    if (outcome instanceof ReliefCatalogue.Outcome.Invalid<?> invalid) {
      invalid.errors().forEach(errors::putIfAbsent);
    }
    return cataloguePage(actor, model, which, FormState.of(form, errors));
  }

  private String cataloguePage(Actor actor, Model model, String which, FormState form) {
    lists(catalogue, actor, model);
    model.addAttribute("kits", catalogue.kits(actor));
    model.addAttribute("which", which);
    model.addAttribute("form", form);
    model.addAttribute("units", List.of(Unit.values()));
    model.addAttribute("categories", List.of(Category.values()));
    model.addAttribute("rows", KIT_ROWS);
    flash(model);
    return "relief/catalogue";
  }

  private String stockPage(Actor actor, Model model, String kind, FormState form) {
    lists(catalogue, actor, model);
    model.addAttribute("kind", kind);
    model.addAttribute("form", form);
    model.addAttribute("sources", List.of(StockSource.values()));
    model.addAttribute("reasons", List.of(AdjustmentReason.values()));
    flash(model);
    return "relief/stock-form";
  }

  /** The collective's items and places by id, for the forms' choices. */
  static void lists(ReliefCatalogue catalogue, Actor actor, Model model) {
    Map<ItemId, Item> items = new LinkedHashMap<>();
    catalogue.items(actor).forEach(i -> items.put(i.id(), i));
    Map<LocationId, Location> places = new LinkedHashMap<>();
    catalogue.locations(actor).forEach(l -> places.put(l.id(), l));
    model.addAttribute("items", items);
    model.addAttribute("places", places);
  }

  private static String kind(String kind) {
    if (!STOCK_FORMS.contains(kind)) {
      throw new NotFoundException();
    }
    return kind;
  }

  /** Item lines from rows {@code item.N}/{@code quantity.N}; empty rows are skipped. */
  static List<ItemLine> lines(Map<String, String> form, int rows, Map<String, String> e) {
    List<ItemLine> lines = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      String item = form.getOrDefault("item." + row, "");
      String quantity = form.getOrDefault("quantity." + row, "");
      if (item.isBlank() && quantity.isBlank()) {
        continue;
      }
      ItemId id = id(ItemId::new, item, "lines", "relief.lines.item.unknown", e);
      BigDecimal q = decimal(quantity, "lines", e);
      if (id == null && !e.containsKey("lines")) {
        e.put("lines", "relief.lines.item.unknown");
      }
      if (id != null && q != null) {
        lines.add(new ItemLine(id, q));
      }
    }
    return lines;
  }

  static <T> T id(
      Function<UUID, T> make, String text, String field, String key, Map<String, String> e) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return make.apply(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException ex) {
      e.put(field, key);
      return null;
    }
  }

  private static BigDecimal decimal(String text, String field, Map<String, String> e) {
    BigDecimal value = signedOrNull(text);
    if (value == null || value.signum() <= 0) {
      e.putIfAbsent(field, "relief.quantity.invalid");
      return null;
    }
    return value;
  }

  private static BigDecimal signed(String text, Map<String, String> e) {
    BigDecimal value = signedOrNull(text);
    if (value == null || value.signum() == 0) {
      e.put("change", "relief.quantity.invalid");
    }
    return value;
  }

  private static BigDecimal signedOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  static LocalDate date(String text, String field, Map<String, String> e) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException ex) {
      e.put(field, "relief.date.invalid");
      return null;
    }
  }

  static void flash(Model model) {
    ReliefPagesController.absentAsNull(model, "notice", "problem", "problemArgs");
  }
}
