package org.sahay.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.platform.Problems;
import org.sahay.relief.Item;
import org.sahay.relief.Kit;
import org.sahay.relief.Location;
import org.sahay.relief.LocationId;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Stock;
import org.sahay.relief.StockLevel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Items, kits, stock locations and stock as JSON. */
@RestController
@RequestMapping("/api/v1")
class ReliefApiController {

  record LocationInput(String name) {}

  private final ReliefCatalogue catalogue;
  private final Stock stock;
  private final Problems problems;

  ReliefApiController(ReliefCatalogue catalogue, Stock stock, Problems problems) {
    this.catalogue = catalogue;
    this.stock = stock;
    this.problems = problems;
  }

  @PostMapping("/items")
  ResponseEntity<?> createItem(
      Actor actor, @RequestBody ReliefCatalogue.ItemInput input, HttpServletRequest request) {
    return created(catalogue.createItem(actor, input), "/api/v1/items/", request);
  }

  @GetMapping("/items")
  List<Item> items(Actor actor) {
    return catalogue.items(actor);
  }

  @PostMapping("/kits")
  ResponseEntity<?> createKit(
      Actor actor, @RequestBody ReliefCatalogue.KitInput input, HttpServletRequest request) {
    return created(catalogue.createKit(actor, input), "/api/v1/kits/", request);
  }

  @GetMapping("/kits")
  List<Kit> kits(Actor actor) {
    return catalogue.kits(actor);
  }

  @PostMapping("/stock-locations")
  ResponseEntity<?> createLocation(
      Actor actor, @RequestBody LocationInput input, HttpServletRequest request) {
    return created(
        catalogue.createLocation(actor, input.name()), "/api/v1/stock-locations/", request);
  }

  @GetMapping("/stock-locations")
  List<Location> locations(Actor actor) {
    return catalogue.locations(actor);
  }

  @PostMapping("/stock-receipts")
  ResponseEntity<?> receive(
      Actor actor, @RequestBody Stock.ReceiptInput input, HttpServletRequest request) {
    return stocked(stock.receive(actor, input), request);
  }

  @PostMapping("/stock-transfers")
  ResponseEntity<?> transfer(
      Actor actor, @RequestBody Stock.TransferInput input, HttpServletRequest request) {
    return stocked(stock.transfer(actor, input), request);
  }

  @PostMapping("/stock-adjustments")
  ResponseEntity<?> adjust(
      Actor actor, @RequestBody Stock.AdjustmentInput input, HttpServletRequest request) {
    return stocked(stock.adjust(actor, input), request);
  }

  /** Stock on hand with batches, soonest-expiring first; only what expires soon if asked. */
  @GetMapping("/stock")
  List<StockLevel> stock(
      Actor actor,
      @RequestParam(required = false) LocationId locationId,
      @RequestParam(required = false) Integer expiringWithinDays) {
    return expiringWithinDays == null
        ? stock.levels(actor, locationId)
        : stock.expiringWithin(actor, Math.max(0, Math.min(3650, expiringWithinDays)));
  }

  private <T> ResponseEntity<?> created(
      ReliefCatalogue.Outcome<T> outcome, String path, HttpServletRequest request) {
    if (outcome instanceof ReliefCatalogue.Outcome.Saved<T> saved) {
      Object body = saved.saved();
      String id =
          body instanceof Item i
              ? i.id().toString()
              : body instanceof Kit k ? k.id().toString() : ((Location) body).id().toString();
      return ResponseEntity.created(URI.create(path + id)).body(body);
    }
    return problems.invalid(
        ((ReliefCatalogue.Outcome.Invalid<T>) outcome).errors(),
        RequestContextUtils.getLocale(request));
  }

  private ResponseEntity<?> stocked(Stock.Outcome outcome, HttpServletRequest request) {
    if (outcome instanceof Stock.Outcome.Done done) {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(Map.of("id", done.reference(), "stock", done.levels()));
    }
    if (outcome instanceof Stock.Outcome.Short s) {
      var problem =
          problems.of(
              HttpStatus.CONFLICT,
              "relief.stock.short",
              RequestContextUtils.getLocale(request),
              s.left().toPlainString());
      problem.setProperty("itemId", s.item());
      problem.setProperty("left", s.left());
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return problems.invalid(
        ((Stock.Outcome.Invalid) outcome).errors(), RequestContextUtils.getLocale(request));
  }
}
