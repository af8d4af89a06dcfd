package org.sahay.entitlements.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.entitlements.BeneficiaryList;
import org.sahay.entitlements.BeneficiaryListId;
import org.sahay.entitlements.BeneficiaryLists;
import org.sahay.entitlements.ListTemplate;
import org.sahay.entitlements.ListTemplates;
import org.sahay.entitlements.SentLists;
import org.sahay.registry.DistrictSharing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * District lists over JSON: {@code /api/v1/beneficiary-list-templates}, {@code
 * /api/v1/beneficiary-lists} (made by a collective, read by it and by the office it was sent to)
 * and {@code /{id}/export?format=csv|xlsx}.
 */
@RestController
@RequestMapping("/api/v1")
class ListApiController {

  private final BeneficiaryLists lists;
  private final SentLists sent;
  private final ListTemplates templates;
  private final Answers answers;

  ListApiController(
      BeneficiaryLists lists, SentLists sent, ListTemplates templates, Answers answers) {
    this.lists = lists;
    this.sent = sent;
    this.templates = templates;
    this.answers = answers;
  }

  @GetMapping("/beneficiary-list-templates")
  List<ListTemplate> templates(Actor actor) {
    return templates.templates(actor);
  }

  @PostMapping("/beneficiary-list-templates")
  ResponseEntity<?> addTemplate(
      Actor actor, @RequestBody ListTemplates.TemplateInput input, HttpServletRequest request) {
    return answers.of(
        templates.addTemplate(actor, input),
        request,
        t -> "/api/v1/beneficiary-list-templates/" + t.id(),
        "list.stale");
  }

  @GetMapping("/beneficiary-lists")
  List<BeneficiaryList> lists(Actor actor) {
    return lists.lists(actor);
  }

  @PostMapping("/beneficiary-lists")
  ResponseEntity<?> make(
      Actor actor, @RequestBody BeneficiaryLists.Input input, HttpServletRequest request) {
    return answers.of(
        lists.make(actor, input),
        request,
        made -> "/api/v1/beneficiary-lists/" + made.list().id(),
        "list.stale");
  }

  @GetMapping("/beneficiary-lists/{id}")
  BeneficiaryList list(Actor actor, @PathVariable BeneficiaryListId id) {
    return lists.get(actor, id);
  }

  @GetMapping("/beneficiary-lists/{id}/left-out")
  List<DistrictSharing.LeftOut> leftOut(Actor actor, @PathVariable BeneficiaryListId id) {
    return lists.leftOut(actor, id);
  }

  @PostMapping("/beneficiary-lists/{id}/acknowledgement")
  ResponseEntity<Void> acknowledge(Actor actor, @PathVariable BeneficiaryListId id) {
    sent.acknowledge(actor, id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/beneficiary-lists/{id}/rows")
  SentLists.Opened rows(Actor actor, @PathVariable BeneficiaryListId id) {
    return sent.open(actor, id);
  }

  /** The office supplied the person on the row; for a scheme's list, her standing is granted. */
  @PostMapping("/beneficiary-lists/{id}/rows/{position}/supplied")
  ResponseEntity<Void> supplied(
      Actor actor, @PathVariable BeneficiaryListId id, @PathVariable int position) {
    sent.supplied(actor, id, position);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/beneficiary-lists/{id}/export")
  ResponseEntity<byte[]> export(
      Actor actor,
      @PathVariable BeneficiaryListId id,
      @RequestParam(defaultValue = "csv") String format) {
    if ("protected-xlsx".equals(format)) {
      var locked = sent.exportLocked(actor, id, null);
      return ResponseEntity.ok()
          .headers(download(locked.file(), id, "xlsx").getHeaders())
          .header("X-File-Password", locked.password())
          .body(locked.file());
    }
    return download(sent.export(actor, id, format), id, format);
  }

  static ResponseEntity<byte[]> download(byte[] file, BeneficiaryListId id, String format) {
    boolean xlsx = "xlsx".equals(format);
    return ResponseEntity.ok()
        .contentType(
            xlsx
                ? MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"list-" + id + (xlsx ? ".xlsx" : ".csv") + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file);
  }
}
