package org.sahay.entitlements.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.entitlements.Drive;
import org.sahay.entitlements.DriveId;
import org.sahay.entitlements.DriveProgress;
import org.sahay.entitlements.Drives;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Drives over JSON: {@code /api/v1/drives}, its members and its progress. */
@RestController
@RequestMapping("/api/v1/drives")
class DriveApiController {

  private final Drives drives;
  private final Answers answers;

  DriveApiController(Drives drives, Answers answers) {
    this.drives = drives;
    this.answers = answers;
  }

  @GetMapping
  List<Drive> list(Actor actor) {
    return drives.list(actor);
  }

  @PostMapping
  ResponseEntity<?> create(
      Actor actor, @RequestBody Drives.Input input, HttpServletRequest request) {
    return answers.of(
        drives.create(actor, input), request, d -> "/api/v1/drives/" + d.id(), "drive.stale");
  }

  @GetMapping("/{id}")
  Drive get(Actor actor, @PathVariable DriveId id) {
    return drives.get(actor, id);
  }

  @GetMapping("/{id}/members")
  List<DriveProgress.Member> members(Actor actor, @PathVariable DriveId id) {
    return drives.progress(actor, id).members();
  }

  @PostMapping("/{id}/members")
  ResponseEntity<?> add(
      Actor actor,
      @PathVariable DriveId id,
      @RequestBody Drives.Pick pick,
      HttpServletRequest request) {
    return answers.of(drives.add(actor, id, pick), request, null, "drive.stale");
  }

  @GetMapping("/{id}/progress")
  DriveProgress progress(Actor actor, @PathVariable DriveId id) {
    return drives.progress(actor, id);
  }
}
