package org.sahay.relief.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sahay.access.Actor;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.relief.AdjustmentReason;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
      Actor actor, ReliefCatalogue.ItemInput form, Model model, RedirectAttributes redirect) {
    return catalogueOutcome(
        actor,
        catalogue.createItem(actor, form),
        "item",
        FormState.of(form, Map.of()),
        model,
        redirect);
  }

  /** The kit page's fields: names, and rows of item and quantity (blank rows are left out). */
  record KitForm(
      String nameEn, String nameHi, String nameTe, String nameBn, List<ItemLine> lines) {}

  @PostMapping("/relief/kits")
  String createKit(
      Actor actor, KitForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
    Map<String, String> errors = FormState.unreadable(binding, ItemRows.KEYS);
    List<ItemLine> lines = ItemRows.lines(form.lines(), errors);
    if (!errors.isEmpty()) {
      // A row that cannot be read: save nothing, rather than a kit without that row.
      return cataloguePage(actor, model, "kit", FormState.of(form, binding, errors));
    }
    var outcome =
        catalogue.createKit(
            actor,
            new ReliefCatalogue.KitInput(
                form.nameEn(), form.nameHi(), form.nameTe(), form.nameBn(), lines));
    return catalogueOutcome(
        actor, outcome, "kit", FormState.of(form, binding, Map.of()), model, redirect);
  }

  /** The place page's one field. */
  record LocationForm(String name) {}

  @PostMapping("/relief/locations")
  String createLocation(Actor actor, LocationForm form, Model model, RedirectAttributes redirect) {
    return catalogueOutcome(
        actor,
        catalogue.createLocation(actor, form.name()),
        "location",
        FormState.of(form, Map.of()),
        model,
        redirect);
  }

  @GetMapping("/relief/stock/{kind}")
  String stockForm(Actor actor, @PathVariable String kind, Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    if ("receive".equals(kind)) {
      values.put("receivedOn", today.at(actor.organisation()).toString());
    }
    return stockPage(actor, model, kind(kind), FormState.of(values, Map.of()));
  }

  /** Stock received, as the API takes it. */
  @PostMapping("/relief/stock/receive")
  String receive(
      Actor actor,
      Stock.ReceiptInput form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    return stockOutcome(
        actor, "receive", binding, form, () -> stock.receive(actor, form), model, redirect);
  }

  /** Stock moved between places, as the API takes it. */
  @PostMapping("/relief/stock/move")
  String move(
      Actor actor,
      Stock.TransferInput form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    return stockOutcome(
        actor, "move", binding, form, () -> stock.transfer(actor, form), model, redirect);
  }

  /** A count corrected by hand, as the API takes it. */
  @PostMapping("/relief/stock/adjust")
  String adjust(
      Actor actor,
      Stock.AdjustmentInput form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    return stockOutcome(
        actor, "adjust", binding, form, () -> stock.adjust(actor, form), model, redirect);
  }

  /** What the stock forms could not read, by field, as the service would say it. */
  private static final Map<String, String> STOCK_KEYS =
      Map.of(
          "itemId", "relief.item.unknown",
          "locationId", "relief.location.unknown",
          "fromLocationId", "relief.location.unknown",
          "toLocationId", "relief.location.unknown",
          "quantity", "relief.quantity.invalid",
          "change", "relief.quantity.invalid",
          "receivedOn", "relief.date.invalid",
          "expiresOn", "relief.date.invalid");

  private String stockOutcome(
      Actor actor,
      String kind,
      BindingResult binding,
      Record form,
      Supplier<Stock.Outcome> save,
      Model model,
      RedirectAttributes redirect) {
    Map<String, String> unreadable = FormState.unreadable(binding, STOCK_KEYS);
    if (!unreadable.isEmpty()) {
      // A date or number that cannot be read is refused, never saved as none.
      return stockPage(actor, model, kind, FormState.of(form, binding, unreadable));
    }
    Stock.Outcome outcome = save.get();
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
      FormState form,
      Model model,
      RedirectAttributes redirect) {
    if (outcome instanceof ReliefCatalogue.Outcome.Saved<?>) {
      redirect.addFlashAttribute("notice", "relief.page.saved");
      return "redirect:/relief/catalogue";
    }
    Map<String, String> errors =
        outcome instanceof ReliefCatalogue.Outcome.Invalid<?> invalid ? invalid.errors() : Map.of();
    return cataloguePage(actor, model, which, new FormState(form.values(), errors));
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

  static void flash(Model model) {
    ReliefPagesController.absentAsNull(model, "notice", "problem", "problemArgs");
  }
}
