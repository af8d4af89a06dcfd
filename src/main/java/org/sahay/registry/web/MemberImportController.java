package org.sahay.registry.web;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.MemberImports;
import org.sahay.registry.RegistryAction;
import org.sahay.registry.internal.ImportMapping;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload, map columns, read the validation report, run, and watch the progress of an import. */
@Controller
class MemberImportController {

  private final MemberImports imports;
  private final AccessPolicy policy;

  MemberImportController(MemberImports imports, AccessPolicy policy) {
    this.imports = imports;
    this.policy = policy;
  }

  @GetMapping("/members/import")
  String uploadForm(Actor actor, Model model) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    // The form is for those who may import: others are told so before they choose a file.
    policy.require(actor, RegistryAction.MEMBER_WRITE, actor.organisation());
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

  /**
   * The mapping page's fields, {@code field[NAME]=0} and so on: for each field, the number of the
   * column holding it. Read by hand rather than bound to a map: a name that is no field, another
   * shape ({@code field.NAME}) or a column that is not a small number came from no page of ours and
   * is left unmapped, where binding answered some of them with a 500.
   */
  static Map<ImportMapping.Field, Integer> mapping(Map<String, String> params) {
    Map<ImportMapping.Field, Integer> mapping = new EnumMap<>(ImportMapping.Field.class);
    for (ImportMapping.Field field : ImportMapping.Field.values()) {
      String column = params.get("field[" + field.name() + "]");
      if (column != null && column.matches("\\d{1,4}")) {
        mapping.put(field, Integer.valueOf(column));
      }
    }
    return mapping;
  }

  @PostMapping("/members/import/{id}/mapping")
  String map(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> params) {
    Map<ImportMapping.Field, Integer> mapping = mapping(params);
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
