package org.sahay.registry.web;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.sahay.registry.MemberImports;
import org.sahay.registry.internal.ImportMapping;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload, map columns, read the validation report, run, and watch the progress of an import. */
@Controller
class MemberImportController {

  private final MemberImports imports;

  MemberImportController(MemberImports imports) {
    this.imports = imports;
  }

  @GetMapping("/members/import")
  String uploadForm(Model model) {
    model.addAttribute("refusal", null);
    return "registry/import-upload";
  }

  @CheckedBeforeBody("MEMBER_WRITE")
  @PostMapping("/members/import")
  String upload(Actor actor, @RequestParam("file") MultipartFile file, Model model)
      throws IOException {
    var outcome = imports.upload(actor, file.getOriginalFilename(), file.getBytes());
    if (outcome instanceof MemberImports.Upload.Accepted accepted) {
      return "redirect:/members/import/" + accepted.id();
    }
    model.addAttribute("refusal", outcome);
    return "registry/import-upload";
  }

  @GetMapping("/members/import/{id}")
  String show(Actor actor, @PathVariable UUID id, Model model) {
    model.addAttribute("view", imports.get(actor, id));
    model.addAttribute("fields", ImportMapping.Field.values());
    return "registry/import";
  }

  /** The mapping page's fields: for each field, the number of the column holding it. */
  record MappingForm(Map<ImportMapping.Field, Integer> field) {}

  @PostMapping("/members/import/{id}/mapping")
  String map(Actor actor, @PathVariable UUID id, MappingForm form, BindingResult binding) {
    Map<ImportMapping.Field, Integer> mapping = new EnumMap<>(ImportMapping.Field.class);
    if (form.field() != null) {
      form.field()
          .forEach(
              (field, column) -> {
                // A column that is not a small number came from no page of ours: left unmapped.
                if (column != null && column >= 0 && column < 10_000) {
                  mapping.put(field, column);
                }
              });
    }
    imports.validate(actor, id, mapping);
    return "redirect:/members/import/" + id;
  }

  @PostMapping("/members/import/{id}/run")
  String run(
      Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "VALID_ROWS") String mode) {
    imports.run(actor, id, "ALL_OR_NOTHING".equals(mode));
    return "redirect:/members/import/" + id;
  }
}
