package org.sahay.reporting.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Ui;
import org.sahay.reporting.ExportJob;
import org.sahay.reporting.Exports;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Large exports: the form that starts one, the page that shows how far it has got (polled by htmx,
 * refreshed by a link without JavaScript), and the file, for the one who asked, within its day.
 */
@Controller
class ExportPagesController {

  /** The export form as sent; dates as yyyy-mm-dd, {@code to} the last day included. */
  record ExportForm(String kind, String format, String from, String to, String purpose) {}

  private final Exports exports;
  private final Today today;

  ExportPagesController(Exports exports, Today today) {
    this.exports = exports;
    this.today = today;
  }

  @GetMapping("/reports/exports")
  String list(Actor actor, Model model) {
    LocalDate day = today.at(own(actor));
    model.addAttribute("kinds", exports.kinds());
    model.addAttribute("jobs", exports.mine(actor));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", FormState.empty());
    }
    model.addAttribute("today", day.toString());
    model.addAttribute("yearAgo", day.minusYears(1).toString());
    model.addAttribute("zone", today.zone(own(actor)));
    return "reporting/exports";
  }

  @PostMapping("/reports/exports")
  String start(
      Actor actor, ExportForm form, @ModelAttribute("ui") Ui ui, RedirectAttributes redirect) {
    LocalDate from = date(form.from());
    LocalDate to = date(form.to());
    var headings = exports.columns(form.kind()).stream().map(ui::t).toList();
    Exports.Request request =
        exports.request(
            actor,
            form.kind(),
            form.format(),
            from,
            to == null ? null : to.plusDays(1),
            form.purpose(),
            headings);
    if (request instanceof Exports.Request.Started started) {
      return "redirect:/reports/exports/" + started.job().id();
    }
    redirect.addFlashAttribute(
        "form", FormState.of(form, ((Exports.Request.Invalid) request).errors()));
    return "redirect:/reports/exports";
  }

  @GetMapping("/reports/exports/{id}")
  String job(Actor actor, @PathVariable String id, Model model) {
    model.addAttribute("job", exports.job(actor, uuid(id)));
    model.addAttribute("zone", today.zone(own(actor)));
    return "reporting/export";
  }

  /** The progress alone, for htmx to swap in every few seconds. */
  @GetMapping("/reports/exports/{id}/progress")
  String progress(Actor actor, @PathVariable String id, Model model) {
    model.addAttribute("job", exports.job(actor, uuid(id)));
    model.addAttribute("zone", today.zone(own(actor)));
    return "reporting/export-progress";
  }

  @GetMapping("/reports/exports/{id}/file")
  ResponseEntity<Resource> file(Actor actor, @PathVariable String id) throws IOException {
    UUID job = uuid(id);
    ExportJob found = exports.job(actor, job);
    Path file = exports.file(actor, job);
    boolean xlsx = found.format() == ExportJob.Format.XLSX;
    return ResponseEntity.ok()
        .contentType(
            xlsx
                ? MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .contentLength(Files.size(file))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    found.kind().replace('.', '-') + "-" + found.from() + (xlsx ? ".xlsx" : ".csv"))
                .build()
                .toString())
        .cacheControl(CacheControl.noStore())
        .body(new FileSystemResource(file));
  }

  private static org.sahay.platform.OrganisationId own(Actor actor) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    return actor.organisation();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
